"""The fields of an item as a form: completers from existing values, checks as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.errors import ValidationError
from museum.core.fields import NORMALISERS
from museum.core.models import KINDS
from museum.core.records import ItemRecord
from museum.core.seasons import offer_season

GROUPS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("The item", (("kind", "Kind", ""), ("title", "Title", "e.g. World Cup winner's medal"),
                  ("description", "Description", ""))),
    ("The occasion", (("date", "Date", "2022-12-18, 2022-12 or 2022"),
                      ("season", "Season", "2023/24 or 2022"),
                      ("competition", "Competition", ""), ("stage", "Stage", "e.g. Final"),
                      ("team", "Team", ""), ("opponent", "Opponent", ""),
                      ("score", "Score", "e.g. 3–3 (4–2 pens)"), ("venue", "Venue", ""),
                      ("achievement", "Achievement", "e.g. Winner"))),
    ("How it came", (("acquired_how", "How acquired", "e.g. Awarded, bought, gift"),
                     ("acquired_date", "When", "YYYY, YYYY-MM or YYYY-MM-DD"),
                     ("acquired_from", "From", ""), ("acquired_price", "Price paid", ""))),
    ("Keeping", (("condition", "Condition", "e.g. Mint"), ("value", "Estimated value", ""),
                 ("location", "Location", "Where it is kept"), ("provenance", "Provenance", ""),
                 ("tags", "Tags", "comma, separated"), ("notes", "Notes", ""))),
)
COMPLETED = ("competition", "team", "opponent", "venue", "location", "stage", "achievement",
             "acquired_how", "acquired_from", "condition")
CHECKED = ("date", "season", "acquired_date", "acquired_price", "value", "currency")
LONG_TEXT = ("description", "notes", "provenance")
SEASON_OFFER_DELAY_MS = 250  # asked once typing in the date or competition pauses


class TagsEdit(QLineEdit):
    """Comma-separated tags; the completer offers existing tags for the word being typed."""

    def __init__(self, tags: list[str], parent=None) -> None:
        super().__init__(parent)
        self._completer = QCompleter(tags, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, text: str) -> None:
        current = text.split(",")[-1].strip()
        if current:
            self._completer.setCompletionPrefix(current)
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert(self, tag: str) -> None:
        done = [part.strip() for part in self.text().split(",")[:-1] if part.strip()]
        self.setText(", ".join([*done, tag]) + ", ")


class ItemForm(QWidget):
    """Edits every field of an item; `values()` gives what the user typed, checked by core on
    save."""

    changed = Signal()

    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.editors: dict[str, QWidget] = {}
        self.hints: dict[str, QLabel] = {}
        self.labels: list[QLabel] = []
        self.offered_season: str | None = None
        self.season_offer = QLabel(objectName="seasonOffer")
        self.season_offer.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.season_offer.setVisible(False)
        self.season_offer.linkActivated.connect(lambda _link: self.accept_season_offer())
        self._offer_timer = QTimer(self, singleShot=True, interval=SEASON_OFFER_DELAY_MS)
        self._offer_timer.timeout.connect(self._update_season_offer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, fields in GROUPS:
            layout.addWidget(self._group(title, fields))
        layout.addStretch(1)
        # Each section's form sizes its labels on its own; one width for all of them lines
        # every field up under the one above it, section after section.
        widest = max(label.sizeHint().width() for label in self.labels)
        for label in self.labels:
            label.setFixedWidth(widest)

    def _group(self, title: str, fields) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name, text, placeholder in fields:
            label = QLabel(text, alignment=Qt.AlignmentFlag.AlignRight
                           | Qt.AlignmentFlag.AlignVCenter)
            self.labels.append(label)
            form.addRow(label, self._row(name, placeholder))
        return box

    def _row(self, name: str, placeholder: str) -> QWidget:
        editor = self._editor(name, placeholder)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if name == "value":
            line = QHBoxLayout()
            line.addWidget(editor, 1)
            currency = QLineEdit(placeholderText="EUR", maxLength=3)
            currency.setFixedWidth(64)
            self._watch("currency", currency)
            line.addWidget(currency)
            column.addLayout(line)
        else:
            column.addWidget(editor)
        if name in CHECKED or name == "value":
            hint = QLabel(objectName="fieldHint", wordWrap=True)
            hint.setVisible(False)
            self.hints[name] = hint
            column.addWidget(hint)
        if name == "season":
            column.addWidget(self.season_offer)
        return row

    def _editor(self, name: str, placeholder: str) -> QWidget:
        if name == "kind":
            editor: QWidget = QComboBox()
            for kind in KINDS:
                editor.addItem(kind.capitalize(), kind)
        elif name in LONG_TEXT:
            editor = QPlainTextEdit(placeholderText=placeholder)
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(64 if name != "description" else 80)
        elif name == "tags":
            editor = TagsEdit(items.all_values(self.catalogue, "tags"))
            editor.setPlaceholderText(placeholder)
        else:
            editor = QLineEdit(placeholderText=placeholder)
            if name in COMPLETED:
                completer = QCompleter(
                    QStringListModel(items.all_values(self.catalogue, name), editor), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
        self._watch(name, editor)
        return editor

    def _watch(self, name: str, editor: QWidget) -> None:
        self.editors[name] = editor
        editor.setObjectName(f"field_{name}")
        if isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self.changed)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self.changed)
        else:
            editor.textChanged.connect(lambda _text, name=name: self._check(name))
            editor.textChanged.connect(self.changed)
            if name in ("date", "competition", "season"):
                editor.textChanged.connect(self._offer_timer.start)

    def _check(self, name: str) -> None:
        """Validate dates, seasons and amounts as they are typed; say what is wrong beside them."""
        if name not in CHECKED:
            return
        message = field_problem(name, self.editors[name].text())
        hint = self.hints["value" if name == "currency" else name]
        if name in ("value", "currency") and message is None:
            other = "currency" if name == "value" else "value"
            message = field_problem(other, self.editors[other].text())
        self.editors[name].setProperty("invalid", message is not None)
        self.editors[name].style().unpolish(self.editors[name])
        self.editors[name].style().polish(self.editors[name])
        hint.setText(message or "")
        hint.setVisible(message is not None)

    def _update_season_offer(self) -> None:
        """Offer the season the date falls in, for the competition, while Season is empty."""
        offer = None
        if not self.editors["season"].text().strip():
            offer = offer_season(self.catalogue, date=self.editors["date"].text(),
                                 competition=self.editors["competition"].text())
        self.offered_season = offer
        if offer:
            self.season_offer.setText(f'<a href="season">Season {offer}?</a> Click to fill it in.')
        self.season_offer.setVisible(offer is not None)

    def accept_season_offer(self) -> None:
        if self.offered_season:
            self.editors["season"].setText(self.offered_season)
            self._offer_timer.stop()
            self.season_offer.setVisible(False)

    def problems(self) -> list[str]:
        """Sentences about the fields that cannot be saved as typed (empty when all is well)."""
        found = [field_problem(name, self.editors[name].text()) for name in CHECKED]
        if not self.editors["title"].text().strip():
            found.insert(0, "An item needs a title.")
        return [message for message in found if message]

    def values(self) -> dict[str, Any]:
        """Every field as typed; blanks as None so that clearing a field clears it."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText().strip() or None
            else:
                values[name] = editor.text().strip() or None
        values["tags"] = values.get("tags") or ""
        return values

    def load(self, record: ItemRecord | None) -> None:
        """Fill the form from a record (None: a new item, kind 'medal')."""
        for name, editor in self.editors.items():
            value = getattr(record, name, None) if record else None
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value or KINDS[0])))
            elif name == "tags":
                editor.setText(", ".join(value or []))
            elif name in ("value", "acquired_price") and value is not None:
                editor.setText(f"{value:g}" if value != int(value) else f"{int(value)}")
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            else:
                editor.setText("" if value is None else str(value))

    def focus_title(self) -> None:
        self.editors["title"].setFocus()


def field_problem(name: str, text: str) -> str | None:
    """What core would say about this text for this field, or None if it is fine."""
    normalise: Callable[[Any], Any] = NORMALISERS[name]
    try:
        normalise(text)
    except ValidationError as error:
        return str(error)
    return None
