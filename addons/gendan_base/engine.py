"""Shared plumbing of the gendan engines (sign-off, distribution).

* ``engine()``: the engines' own writes (signatures, copies, sign-off and
  distribution fields) happen inside this block. It is a thread-local flag,
  not a context key, so no RPC caller can claim it.
* ``gate_checked(records)`` / ``unchecked(records)``: a button checks its gate
  (MO, payment) once; the writes it makes, which the gate also watches for
  RPC callers, are not checked again. Thread-local as well.
* ``insert_rows()``: Odoo 11 creates one record per query; signing and
  distributing must not grow with the number of rules or recipients, so the
  engines insert their plain rows (no translations, x2many or constraints)
  in one statement.
"""
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
