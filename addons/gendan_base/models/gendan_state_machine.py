from lxml import etree

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from ..engine import ANY_STATE, button_allows


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
    """

    _name = "gendan.state.machine"
    _description = "Declared State Machine"

    _state_field = "state"
    _state_initial = None

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
        if getattr(self, "_signoff_reject_state", None):
            # the sign-off engine moves a rejected document (gendan.signoff.mixin)
            buttons["action_signoff_reject"] = self._signoff_reject_moves()
        return buttons

    @api.model
    def _state_initial_states(self):
        if self._state_initial is not None:
            return list(self._state_initial)
        default = self.default_get([self._state_field]).get(self._state_field)
        return [default] if default else []

    @api.model
    def _state_button_labels(self):
        """{button name: its label on the form, in the user's language}."""
        arch = self.fields_view_get(view_type="form")["arch"]
        return {node.get("name"): node.get("string")
                for node in etree.fromstring(arch).iter("button")
                if node.get("type", "object") == "object" and node.get("string")}

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
        wrong = self.filtered(lambda rec: rec[field] not in sources)
        if ANY_STATE in sources:
            wrong = self.browse()
        if wrong:
            raise UserError(_(
                "%(button)s cannot be used on %(docs)s in the status "
                "%(state)s.") % {
                    "button": self._state_button_labels().get(button, button),
                    "docs": ", ".join(wrong.mapped("display_name")),
                    "state": self._state_value_label(wrong[0][field])})

    def _state_refuse(self, new):
        labels = self._state_button_labels()
        buttons = sorted({labels.get(name, name) for name, moves in
                          self._state_transitions().items()
                          if any(to_state == new for _f, to_state, _g in moves)})
        raise UserError(_(
            "The status of %(docs)s cannot be set to %(state)s directly; use "
            "the button %(buttons)s.") % {
                "docs": ", ".join(self.mapped("display_name")) or self._description,
                "state": self._state_value_label(new),
                "buttons": " / ".join(buttons) or "-"})

    def _state_check_write(self, new):
        field = self._state_field
        for old in set(self.mapped(field)):
            records = self.filtered(lambda rec: rec[field] == old)
            if old != new and not button_allows(records, old, new):
                records._state_refuse(new)

    # -- CRUD -----------------------------------------------------------------------

    @api.model
    def create(self, vals):
        new = vals.get(self._state_field)
        if new and new not in self._state_initial_states():
            self.browse()._state_refuse(new)
        return super(GendanStateMachine, self).create(vals)

    @api.multi
    def write(self, vals):
        if self._state_field in vals:
            self._state_check_write(vals[self._state_field])
        return super(GendanStateMachine, self).write(vals)
