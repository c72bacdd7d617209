from lxml import etree

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from ..engine import ANY_STATE, button_allows, button_running


class GendanStateMachine(models.AbstractModel):
    """One guard for the state field of every Gendan document.

    The transitions are declared on the buttons that perform them, with the
    ``transition`` decorator of ``gendan_base.engine``::

        @api.multi
        @transition(["draft"], "confirmed",
                    groups=["gendan_base.group_merchandiser"])
        def action_confirm(self):
            return self.write({"state": "confirmed"})

    A write of the state field is accepted only from a running button of the
    same records that declared that move; anything else (RPC, server action,
    import, another module's code) is refused with the name of the button to
    use. A record is created in one of ``_state_initial`` (default: the
    field's default).

    ``_state_button_fields`` lists the fields the buttons fill along with the
    move (who confirmed, when, the revision...): they are written only while
    a button of the same records runs, never directly.

    A computed status (a selection ``state``/``*_state`` computed without
    inverse, e.g. the milestones of an order) follows its documents: it is
    never written directly either. A model that only has such statuses (or
    whose own ``state`` belongs to Odoo) sets ``_state_field = None``.
    """

    _name = "gendan.state.machine"
    _description = "Declared State Machine"

    _state_field = "state"
    _state_initial = None
    _state_button_fields = ()

    # -- declarations -------------------------------------------------------------

    @api.model
    def _state_transitions(self):
        """{button name: ((from states, to state, groups), ...)} of this model."""
        cls = type(self)
        buttons = {}
        for name in dir(cls):
            moves = getattr(getattr(cls, name, None), "_gendan_transitions", None)
            if moves:
                buttons[name] = moves
        if hasattr(self, "_signoff_moves"):
            # the sign-off engine's moves (request, approval, rejection, reset:
            # gendan.signoff.mixin)
            buttons.update(self._signoff_moves())
        return buttons

    @api.model
    def _state_computed_fields(self):
        """The computed statuses of the model (written by their compute)."""
        return [name for name, field in self._fields.items()
                if field.type == "selection" and field.compute
                and not field.inverse and not field.related
                and (name == "state" or name.endswith("_state"))]

    def _state_check_computed(self, vals):
        names = sorted(set(vals) & set(self._state_computed_fields()))
        if names:
            raise UserError(_(
                "%(fields)s of %(model)s follow the documents and cannot be "
                "set.") % {
                    "fields": ", ".join(self._fields[name].get_description(
                        self.env)["string"] for name in names),
                    "model": self._description})

    @api.model
    def _state_initial_states(self):
        if self._state_initial is not None:
            return list(self._state_initial)
        default = self.default_get([self._state_field]).get(self._state_field)
        return [default] if default else []

    @api.model
    def _state_button_labels(self):
        """{button name: its label on the form, in the user's language}."""
        labels = {}
        for view_type in ("tree", "form"):
            arch = self.fields_view_get(view_type=view_type)["arch"]
            labels.update({
                node.get("name"): node.get("string")
                for node in etree.fromstring(arch).iter("button")
                if node.get("type", "object") == "object" and node.get("string")})
        return labels

    def _state_value_label(self, value):
        selection = self._fields[self._state_field]._description_selection(self.env)
        return dict(selection).get(value, value)

    # -- guards -------------------------------------------------------------------

    def _state_check_button(self, button, moves):
        """Called when ``button`` starts: the records may make one of ``moves``."""
        groups = {xmlid for _from, _to, names in moves for xmlid in names}
        user = self.env.user
        if groups and self.env.uid != SUPERUSER_ID and not any(
                user.has_group(xmlid) for xmlid in groups):
            raise AccessError(_("%(button)s on %(model)s is for: %(roles)s.") % {
                "button": self._state_button_labels().get(button, button),
                "model": self._description,
                "roles": ", ".join(sorted(
                    self.env.ref(xmlid).sudo().full_name for xmlid in groups))})
        sources = {state for from_states, _to, _groups in moves
                   for state in from_states}
        field = self._state_field
        wrong = self.browse()
        if ANY_STATE not in sources:
            wrong = self.filtered(lambda rec: rec[field] not in sources)
        if wrong:
            raise UserError(_(
                "%(button)s cannot be used on %(docs)s in the status "
                "%(state)s.") % {
                    "button": self._state_button_labels().get(button, button),
                    "docs": ", ".join(wrong.mapped("display_name")),
                    "state": self._state_value_label(wrong[0][field])})

    def _state_refuse(self, new):
        labels = self._state_button_labels()
        # private steps (e.g. "the mail went out") are not buttons to name
        buttons = sorted({labels.get(name, name) for name, moves in
                          self._state_transitions().items()
                          if not name.startswith("_")
                          and any(to_state == new for _f, to_state, _g in moves)})
        raise UserError(_(
            "The status of %(docs)s cannot be set to %(state)s directly; use "
            "the button %(buttons)s.") % {
                "docs": ", ".join(self.mapped("display_name")) or self._description,
                "state": self._state_value_label(new),
                "buttons": " / ".join(buttons) or "-"})

    def _state_check_button_fields(self, vals):
        names = sorted(set(vals) & set(self._state_button_fields))
        if names and not (self and button_running(self)):
            raise UserError(_(
                "%(fields)s of %(model)s are filled by its buttons only.") % {
                    "fields": ", ".join(self._fields[name].get_description(
                        self.env)["string"] for name in names),
                    "model": self._description})

    def _state_check_write(self, new):
        field = self._state_field
        for old in set(self.mapped(field)):
            records = self.filtered(lambda rec: rec[field] == old)
            if old != new and not button_allows(records, old, new):
                records._state_refuse(new)

    # -- CRUD -----------------------------------------------------------------------

    @api.model
    def create(self, vals):
        new = self._state_field and vals.get(self._state_field)
        self._state_check_computed(vals)
        if new and new not in self._state_initial_states():
            self.browse()._state_refuse(new)
        self.browse()._state_check_button_fields(
            {name: value for name, value in vals.items() if value})
        return super(GendanStateMachine, self).create(vals)

    @api.multi
    def copy_data(self, default=None):
        # a copy starts over: what the buttons filled is not copied
        default = dict(dict.fromkeys(self._state_button_fields, False),
                       **(default or {}))
        return super(GendanStateMachine, self).copy_data(default)

    @api.multi
    def write(self, vals):
        self._state_check_computed(vals)
        if self._state_field and self._state_field in vals:
            self._state_check_write(vals[self._state_field])
        self._state_check_button_fields(vals)
        return super(GendanStateMachine, self).write(vals)
