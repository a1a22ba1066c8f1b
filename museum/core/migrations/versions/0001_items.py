"""Items, tags and the full-text search index.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TEXT_COLUMNS = (
    "description", "date", "season", "competition", "stage", "team", "opponent", "score", "venue",
    "achievement", "acquired_how", "acquired_date", "acquired_from", "provenance", "condition",
    "currency", "location", "notes",
)


def upgrade() -> None:
    op.create_table(
        "item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        *(sa.Column(name, sa.String) for name in _TEXT_COLUMNS),
        sa.Column("acquired_price", sa.Float),
        sa.Column("value", sa.Float),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    for column in ("kind", "date", "season", "competition", "team", "location", "deleted_at"):
        op.create_index(f"ix_item_{column}", "item", [column])
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(collation="NOCASE"), nullable=False, unique=True),
    )
    op.create_table(
        "item_tag",
        sa.Column("item_id", sa.Integer, sa.ForeignKey("item.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_item_tag_tag_id", "item_tag", ["tag_id"])
    # remove_diacritics 2 makes 'bernabeu' find 'Bernabéu'; the prefix indexes keep 'mac*' fast.
    op.execute(
        "CREATE VIRTUAL TABLE item_fts USING fts5("
        "title, description, competition, stage, team, opponent, venue, achievement, location,"
        " tags, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE item_fts")
    op.drop_table("item_tag")
    op.drop_table("tag")
    op.drop_table("item")
