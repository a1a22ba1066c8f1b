"""The trophy room: cabinets and where items stand in them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cabinet",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(collation="NOCASE"), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("shelf_count", sa.Integer, nullable=False, server_default="4"),
        sa.Column("width", sa.Integer, nullable=False, server_default="5"),
    )
    op.create_table(
        "placement",
        sa.Column("item_id", sa.Integer, sa.ForeignKey("item.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("cabinet_id", sa.Integer, sa.ForeignKey("cabinet.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("shelf", sa.Integer, nullable=False, server_default="1"),
        sa.Column("slot", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_placement_cabinet_id", "placement", ["cabinet_id"])


def downgrade() -> None:
    op.drop_table("placement")
    op.drop_table("cabinet")
