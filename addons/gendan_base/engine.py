"""Shared plumbing of the gendan engines; the one home of thread-local state.

Two privileges, both thread-local (never a context key, so no RPC caller can
claim them):

* ``engine()``: engine-owned records. Signatures, controlled copies and the
  sign-off/distribution fields are written by the engines only, inside this
  block.
* ``transition(...)``: this document's own button. A method decorated with it
  declares the state changes it performs; while it runs, and only for the
  records it was called on, the state machine (``gendan.state.machine``)
  accepts those changes. Every other write of a state field is refused.

And:
* ``audit(exception=..., reason=...)``: why a button changes data, for the
  audit trails (who and when come from the user and the clock, never from
  the context).
* ``gate_checked(records)`` / ``unchecked(records)``: a button checks its gate
  (MO, payment) once; the writes it makes, which the gate also watches for
  RPC callers, are not checked again. Thread-local as well.
* ``insert_rows()``: Odoo 11 creates one record per query; signing and
  distributing must not grow with the number of rules or recipients, so the
  engines insert their plain rows (no translations, x2many or constraints)
  in one statement.
"""
import functools
import threading
from contextlib import contextmanager

from odoo import _, fields
from odoo.exceptions import AccessError

_STATE = threading.local()


@contextmanager
def engine():
    depth = getattr(_STATE, "depth", 0)
    _STATE.depth = depth + 1
    try:
        yield
    finally:
        _STATE.depth = depth


@contextmanager
def gate_checked(records):
    """Run a block after ``records`` passed their gate."""
    previous = getattr(_STATE, "checked", frozenset())
    _STATE.checked = previous | {(records._name, rid) for rid in records.ids}
    try:
        yield
    finally:
        _STATE.checked = previous


def unchecked(records):
    """The records whose gate no running button has checked."""
    checked = getattr(_STATE, "checked", frozenset())
    return records.filtered(lambda rec: (rec._name, rec.id) not in checked)


ANY_STATE = "*"


@contextmanager
def moving(records, moves):
    """Allow ``moves`` ((from states, to state, groups), ...) of ``records``.

    The privilege behind ``transition``; the engines use it directly for the
    moves their class attributes declare (e.g. the sign-off's reject state).
    """
    frames = getattr(_STATE, "buttons", ())
    _STATE.buttons = frames + ((records._name, frozenset(records.ids), moves),)
    try:
        yield
    finally:
        _STATE.buttons = frames


def transition(from_states, to_state, groups=None):
    """Declare a button that moves records from ``from_states`` to ``to_state``.

    Stack the decorator for a button that performs several moves; ``"*"`` in
    ``from_states`` stands for any state. When the button is called, every
    record must be in one of the declared ``from_states`` and the user must
    hold one of ``groups`` (XML ids; None: anyone who may write the record);
    while it runs, the declared moves of those records are allowed.
    """
    def decorate(method):
        inner = getattr(method, "_gendan_button", method)
        moves = ((tuple(from_states), to_state, tuple(groups or ())),) + getattr(
            method, "_gendan_transitions", ())

        @functools.wraps(inner)
        def button(self, *args, **kwargs):
            self._state_check_button(inner.__name__, moves)
            with moving(self, moves):
                return inner(self, *args, **kwargs)

        button._gendan_transitions = moves
        button._gendan_button = inner
        return button
    return decorate


def button(groups=None):
    """Declare a button that changes no state but fills fields the model lists
    in ``_state_button_fields`` (e.g. a confirmation by finance): while it
    runs, and only for its records, those fields may be written."""
    return transition([ANY_STATE], None, groups=groups)


def button_allows(records, old, new):
    """Whether a running button of ``records`` declared the move old -> new."""
    for model, ids, moves in getattr(_STATE, "buttons", ()):
        if model == records._name and set(records.ids) <= ids and any(
                (old in from_states or ANY_STATE in from_states) and new == to_state
                for from_states, to_state, _groups in moves):
            return True
    return False


def button_running(records):
    """Whether a button of ``records`` (all of them) is running."""
    return any(model == records._name and set(records.ids) <= ids
               for model, ids, _moves in getattr(_STATE, "buttons", ()))


@contextmanager
def audit(**values):
    """Tell the audit trail why a button changes data (e.g. ``exception``,
    ``reason``); read with ``audit_value``. Thread-local: a caller's context
    cannot forge it."""
    previous = getattr(_STATE, "audit", {})
    _STATE.audit = dict(previous, **values)
    try:
        yield
    finally:
        _STATE.audit = previous


def audit_value(key, default=False):
    return getattr(_STATE, "audit", {}).get(key, default)


def in_engine():
    return getattr(_STATE, "depth", 0) > 0


def check_engine(what):
    """Refuse a direct change of engine-owned data (``what`` names it)."""
    if not in_engine():
        raise AccessError(_(
            "%s can only be changed with the document's buttons (sign, reject, "
            "distribute, acknowledge), not directly.") % what)


def insert_rows(model, rows):
    """Insert ``rows`` (list of vals dicts) of ``model`` in one query."""
    if not rows:
        return model.browse()
    columns = sorted(set().union(*rows))
    now = fields.Datetime.now()
    uid = model.env.uid

    def cell(row, name):
        value = row.get(name)
        if value is False and model._fields[name].type != "boolean":
            return None
        return value

    values = [tuple(cell(row, name) for name in columns) + (uid, now, uid, now)
              for row in rows]
    # table and column names come from the model, never from user input
    query = 'INSERT INTO "%s" (%s, create_uid, create_date, write_uid, write_date) ' \
            "VALUES %s RETURNING id" % (
                model._table, ", ".join('"%s"' % name for name in columns),
                ", ".join(["%s"] * len(values)))
    model.env.cr.execute(query, values)  # pylint: disable=sql-injection
    return model.browse([row[0] for row in model.env.cr.fetchall()])
