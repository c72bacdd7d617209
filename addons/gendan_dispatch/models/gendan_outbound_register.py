import base64
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

ISSUERS = ["gendan_base.group_warehouse", "gendan_base.group_merchandiser",
           "gendan_base.group_manager"]
FINANCE = ["gendan_base.group_finance"]
CATCH_UP_DAYS = 7  # the cron issues the unissued past days up to a week back


class GendanOutboundRegister(models.Model):
    """The day's outbound register to finance (出入库日报): every delivery
    that left and every receipt that entered the warehouses on one day, with
    their pick-up slips (提货单) and delivery/receipt numbers; issued to
    finance, who acknowledge it (seed part 1: the finance copies of the slips
    go to finance the same day).

    The warehouse issues today's register at the end of the day; the daily
    cron issues every past day's movements that are on no register yet (a
    movement validated after the day's register was issued goes on a second
    register of that day). A day without movement has no register."""

    _name = "gendan.outbound.register"
    _description = "Daily Outbound Register"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "date desc, id desc"
    _gendan_sequence_date_field = "date"
    _state_button_fields = ("issued_uid", "issued_date", "acknowledged_uid",
                            "acknowledged_date")

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    date = fields.Date(
        "Day", required=True, index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        default=lambda self: fields.Date.context_today(self),
        help="The day the goods left or entered the warehouses.")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many(
        "gendan.outbound.register.line", "register_id", "Movements",
        readonly=True, copy=False)
    delivery_count = fields.Integer(
        "Deliveries", compute="_compute_counts", store=True)
    receipt_count = fields.Integer(
        "Receipts", compute="_compute_counts", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued to Finance"),
         ("acknowledged", "Acknowledged by Finance")], default="draft",
        required=True, readonly=True, copy=False, track_visibility="onchange")
    issued_uid = fields.Many2one("res.users", "Issued By", readonly=True,
                                 copy=False)
    issued_date = fields.Datetime("Issued On", readonly=True, copy=False)
    acknowledged_uid = fields.Many2one("res.users", "Acknowledged By",
                                       readonly=True, copy=False)
    acknowledged_date = fields.Datetime("Acknowledged On", readonly=True,
                                        copy=False)
    note = fields.Text("Remarks")

    @api.depends("line_ids.direction", "line_ids.picking_id")
    def _compute_counts(self):
        for register in self:
            lines = register.line_ids
            register.delivery_count = len(lines.filtered(
                lambda line: line.direction == "out").mapped("picking_id"))
            register.receipt_count = len(lines.filtered(
                lambda line: line.direction == "in").mapped("picking_id"))

    # -- the day's movements ----------------------------------------------------

    @api.model
    def _day_bounds(self, day):
        """The day (a date) as UTC datetime strings [start, stop[ in the
        reader's time zone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz
                           or "UTC")
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        stop = tz.localize(datetime.combine(day + timedelta(days=1), time.min)
                           ).astimezone(pytz.utc)
        return (fields.Datetime.to_string(start.replace(tzinfo=None)),
                fields.Datetime.to_string(stop.replace(tzinfo=None)))

    @api.model
    def _unregistered_moves(self, day, company):
        """The done moves of deliveries and receipts of ``day`` on no
        register."""
        start, stop = self._day_bounds(fields.Date.from_string(day))
        moves = self.env["stock.move"].sudo().search([
            ("state", "=", "done"), ("date", ">=", start), ("date", "<", stop),
            ("company_id", "=", company.id),
            ("picking_id.picking_type_code", "in", ("outgoing", "incoming"))],
            order="date, id")
        registered = self.env["gendan.outbound.register.line"].sudo().search(
            [("move_id", "in", moves.ids)]).mapped("move_id")
        return moves - registered

    def _load_lines(self):
        """The register's lines: its day's movements on no other register."""
        self.ensure_one()
        # the lines are the register's own: written by its button only
        Line = self.env["gendan.outbound.register.line"].sudo()
        self.line_ids.sudo().unlink()
        moves = self._unregistered_moves(self.date, self.company_id)
        for vals in Line._prepare_from_moves(moves):
            Line.create(dict(vals, register_id=self.id))

    # -- buttons ------------------------------------------------------------------

    @api.multi
    @transition(["draft"], "issued", groups=ISSUERS)
    def action_issue(self):
        """Issue the register to finance: its lines are the day's movements
        now; mail with the register (XLSX) and a to-do per finance user."""
        for register in self:
            register._load_lines()
            if not register.line_ids:
                raise UserError(_(
                    "Nothing left or entered the warehouses on %s that is not "
                    "on a register already: there is nothing to issue.")
                    % register.date)
        self.write({"state": "issued", "issued_uid": self.env.uid,
                    "issued_date": fields.Datetime.now()})
        finance = self.env.ref("gendan_base.group_finance").sudo().users
        for register in self:
            register._post_to_finance(finance)
        self.env["mail.activity"]._todo_ensure(
            self, "gendan_outbound_register_ack", finance,
            lambda self: _("Acknowledge the outbound register %(name)s of "
                           "%(day)s") % {"name": self.name, "day": self.date})
        return True

    def _post_to_finance(self, finance):
        self.ensure_one()
        content, _kind = self.env.ref(
            "gendan_dispatch.action_report_outbound_register_xlsx").sudo().render(
                self.ids, {})
        filename = "outbound_register_%s.xlsx" % self.name.replace("/", "-")
        attachment = self.env["ir.attachment"].create({
            "name": filename, "datas_fname": filename,
            "datas": base64.b64encode(content), "res_model": self._name,
            "res_id": self.id})
        self.message_post(
            body=_("Outbound register %(name)s of %(day)s issued to finance: "
                   "%(out)d deliveries, %(in)d receipts.") % {
                       "name": self.name, "day": self.date,
                       "out": self.delivery_count, "in": self.receipt_count},
            subject=_("Outbound register %s") % self.name,
            partner_ids=finance.mapped("partner_id").ids,
            attachment_ids=attachment.ids, message_type="comment",
            subtype="mail.mt_comment")

    @api.multi
    @transition(["issued"], "acknowledged", groups=FINANCE)
    def action_acknowledge(self):
        """Finance has the register and the finance copies of its slips."""
        self.write({"state": "acknowledged", "acknowledged_uid": self.env.uid,
                    "acknowledged_date": fields.Datetime.now()})
        self.env["mail.activity"]._todo_done(
            self, "gendan_outbound_register_ack", feedback=_("Acknowledged."))
        return True

    @api.multi
    def write(self, vals):
        if {"date", "company_id"} & set(vals) and self.filtered(
                lambda reg: reg.state != "draft"):
            raise UserError(_("An issued outbound register keeps its day and "
                              "company."))
        return super(GendanOutboundRegister, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda reg: reg.state != "draft"):
            raise UserError(_("An issued outbound register is finance's "
                              "record: it cannot be deleted."))
        return super(GendanOutboundRegister, self).unlink()

    # -- daily cron -----------------------------------------------------------------

    @api.model
    def _cron_issue_registers(self, today=None):
        """Issue the past days' movements on no register (a week back): a
        draft register of the day is issued, else a new one; a day without
        such movements gets none. Running it again creates nothing."""
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        company = self.env.user.company_id
        registers = self.browse()
        for back in range(CATCH_UP_DAYS, 0, -1):
            day = fields.Date.to_string(today - timedelta(days=back))
            if not self._unregistered_moves(day, company):
                continue
            register = self.search([("date", "=", day), ("state", "=", "draft"),
                                    ("company_id", "=", company.id)], limit=1)
            register = register or self.create(
                {"date": day, "company_id": company.id})
            register.action_issue()
            registers |= register
        return registers

    def _report_lang(self):
        """An internal document: Chinese when it is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return "zh_CN" if "zh_CN" in installed else self.env.lang or "en_US"

    @api.model
    def _demo_register(self, receipt_id):
        """Demo data only: the receipt ``receipt_id`` is validated, the
        finished goods warehouse issues that day's register (once), finance
        has it to acknowledge."""
        receipt = self.env["stock.picking"].browse(receipt_id)
        if self.search_count([]) or receipt.state in ("done", "cancel"):
            return False
        receipt.action_confirm()
        for move in receipt.move_lines:
            move.quantity_done = move.product_uom_qty
        receipt.action_done()
        clerk = self.sudo(self.env.ref("gendan_base.user_fg_wh_demo"))
        day = fields.Datetime.context_timestamp(
            clerk, fields.Datetime.from_string(receipt.date_done)).date()
        register = clerk.create({"date": fields.Date.to_string(day)})
        register.action_issue()
        return True
