from odoo import api, fields, models


class GendanComplaintAction(models.Model):
    """An 8D action (containment, corrective or preventive) with its owner."""

    _name = "gendan.complaint.action"
    _description = "8D Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"

    complaint_id = fields.Many2one(
        "gendan.complaint", required=True, ondelete="cascade", index=True)
    name = fields.Char("Action", required=True)
    action_type = fields.Selection(
        [("containment", "Containment (D3)"), ("corrective", "Corrective (D5)"),
         ("preventive", "Preventive (D7)")],
        "Type", required=True, default="corrective")
    user_id = fields.Many2one("res.users", "Owner", required=True,
                              track_visibility="onchange")
    date_deadline = fields.Date("Due Date", required=True)
    is_done = fields.Boolean("Done", readonly=True, track_visibility="onchange")
    date_done = fields.Date(readonly=True)
    result = fields.Text("Result / Evidence")

    @api.model
    def create(self, vals):
        complaint = self.env["gendan.complaint"].browse(vals.get("complaint_id"))
        complaint._check_actions_editable()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("complaint_id")._check_actions_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("complaint_id")._check_actions_editable()
        return super().unlink()

    @api.multi
    def action_done(self):
        return self.write({"is_done": True,
                           "date_done": fields.Date.context_today(self)})

    @api.multi
    def action_reopen(self):
        return self.write({"is_done": False, "date_done": False})
