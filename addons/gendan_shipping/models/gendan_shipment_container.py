from stdnum import iso6346
from stdnum.exceptions import InvalidChecksum, ValidationError as StdnumError

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .gendan_shipment_container_line import (
    check_shipment_editable, read_cargo_totals)


class GendanShipmentContainer(models.Model):
    """One container of a shipment: number, seal, loading, cargo and fill."""

    _name = "gendan.shipment.container"
    _description = "Shipment Container"
    _inherit = ["mail.thread"]
    _order = "shipment_id, sequence, id"
    _rec_name = "container_number"

    shipment_id = fields.Many2one(
        "gendan.shipment", required=True, ondelete="cascade", index=True)
    shipment_state = fields.Selection(related="shipment_id.state", readonly=True)
    sequence = fields.Integer(default=10)
    container_type_id = fields.Many2one(
        "gendan.container.type", "Type", required=True, track_visibility="onchange")
    container_number = fields.Char(
        index=True, track_visibility="onchange",
        help="Owner code, category, serial and ISO 6346 check digit, e.g. "
             "CSQU3054383.")
    seal_number = fields.Char(index=True, track_visibility="onchange")
    loading_date = fields.Datetime(track_visibility="onchange")
    loading_crew = fields.Char(help="Names of the workers who loaded the container.")
    line_ids = fields.One2many(
        "gendan.shipment.container.line", "container_id", "Loaded Goods")
    carton_count = fields.Integer("Cartons", compute="_compute_cargo")
    volume = fields.Float("CBM", digits=(16, 3), compute="_compute_cargo")
    gross_weight = fields.Float(
        "Gross Weight (kg)", digits=(16, 2), compute="_compute_cargo")
    net_weight = fields.Float(
        "Net Weight (kg)", digits=(16, 2), compute="_compute_cargo")
    fill_volume = fields.Float(
        "Fill by Volume (%)", digits=(16, 1), compute="_compute_cargo")
    fill_weight = fields.Float(
        "Fill by Weight (%)", digits=(16, 1), compute="_compute_cargo")
    is_overloaded = fields.Boolean(compute="_compute_cargo")
    fill_warning = fields.Char(compute="_compute_cargo")

    @api.depends("line_ids.volume", "line_ids.gross_weight", "line_ids.net_weight",
                 "line_ids.carton_count", "container_type_id")
    def _compute_cargo(self):
        totals = read_cargo_totals(
            self, self.env["gendan.shipment.container.line"], "container_id")
        for container in self:
            vals = totals.get(container.id, {})
            if not isinstance(container.id, int):
                # unsaved (form onchange): sum the cached lines
                lines = container.line_ids
                vals = {name: sum(lines.mapped(name)) for name in (
                    "carton_count", "volume", "gross_weight", "net_weight")}
            container.carton_count = vals.get("carton_count", 0)
            container.volume = vals.get("volume", 0.0)
            container.gross_weight = vals.get("gross_weight", 0.0)
            container.net_weight = vals.get("net_weight", 0.0)
            ctype = container.container_type_id
            container.fill_volume = ctype.volume and \
                100.0 * container.volume / ctype.volume or 0.0
            container.fill_weight = ctype.max_payload and \
                100.0 * container.gross_weight / ctype.max_payload or 0.0
            container.is_overloaded = max(
                container.fill_volume, container.fill_weight) > 100.0
            container.fill_warning = container.is_overloaded and _(
                "Over capacity: %(vol).0f%% of the volume, %(wt).0f%% of the "
                "payload of a %(type)s.") % {
                    "vol": container.fill_volume, "wt": container.fill_weight,
                    "type": ctype.code} or False

    @api.constrains("container_number")
    def _check_container_number(self):
        for container in self.filtered("container_number"):
            try:
                iso6346.validate(container.container_number)
            except InvalidChecksum:
                raise ValidationError(_(
                    "Container number %(number)s has a wrong check digit (ISO 6346: "
                    "expected %(digit)s).") % {
                        "number": container.container_number,
                        "digit": iso6346.calc_check_digit(
                            container.container_number[:10])})
            except StdnumError:
                raise ValidationError(_(
                    "Container number %s is malformed: 4 letters (owner code ending "
                    "in U, J or Z), 6 digits and a check digit, e.g. CSQU3054383.")
                    % container.container_number)

    @api.constrains("seal_number", "shipment_id")
    def _check_seal_number(self):
        for container in self.filtered("seal_number"):
            if container.shipment_id.state == "cancel" and not \
                    self.env.context.get("gendan_check_cancelled_seals"):
                continue
            duplicate = self.search([
                ("id", "!=", container.id),
                ("seal_number", "=", container.seal_number),
                ("shipment_id.state", "not in", ("done", "cancel"))], limit=1)
            if duplicate:
                raise ValidationError(_(
                    "Seal %(seal)s is already used on container %(other)s of active "
                    "shipment %(shipment)s.") % {
                        "seal": container.seal_number,
                        "other": duplicate.container_number or "-",
                        "shipment": duplicate.shipment_id.name})

    @api.model
    def _normalize_vals(self, vals):
        for name in ("container_number", "seal_number"):
            if vals.get(name):
                vals[name] = "".join(vals[name].split()).upper()
        return vals

    @api.model
    def create(self, vals):
        check_shipment_editable(
            self.env["gendan.shipment"].browse(vals.get("shipment_id")),
            planning_only=True)
        return super(GendanShipmentContainer, self).create(self._normalize_vals(vals))

    @api.multi
    def write(self, vals):
        if set(vals) - {"message_follower_ids", "activity_ids"}:
            check_shipment_editable(
                self.mapped("shipment_id"),
                planning_only=bool(set(vals) & {"line_ids", "shipment_id"}))
        return super(GendanShipmentContainer, self).write(self._normalize_vals(vals))

    @api.multi
    def unlink(self):
        check_shipment_editable(self.mapped("shipment_id"), planning_only=True)
        return super(GendanShipmentContainer, self).unlink()

    @api.multi
    def name_get(self):
        return [(c.id, "%s %s" % (c.container_type_id.code or "",
                                  c.container_number or _("(no number)")))
                for c in self]
