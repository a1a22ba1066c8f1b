"""Photos of items.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("item.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("sha256", sa.String, nullable=False),
        sa.Column("filename", sa.String, nullable=False),
        sa.Column("format", sa.String, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("bytes", sa.Integer, nullable=False),
        sa.Column("taken_at", sa.String),
        sa.Column("caption", sa.String),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("is_primary", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("created", sa.DateTime, nullable=False),
    )
    op.create_index("ix_photo_item_id", "photo", ["item_id"])
    op.create_index("ix_photo_sha256", "photo", ["sha256"])


def downgrade() -> None:
    op.drop_table("photo")
