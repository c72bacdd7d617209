from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CARTON_FIELDS = (
    "carton_qty", "carton_length", "carton_width", "carton_height",
    "carton_gross_weight", "carton_net_weight",
)


class ProductTemplate(models.Model):
    _inherit = "product.template"

    carton_qty = fields.Float(
        string="Units per Carton", digits=(16, 2),
        help="Units of the product packed in one export carton.")
    carton_length = fields.Float(string="Carton Length (cm)", digits=(16, 1))
    carton_width = fields.Float(string="Carton Width (cm)", digits=(16, 1))
    carton_height = fields.Float(string="Carton Height (cm)", digits=(16, 1))
    carton_gross_weight = fields.Float(
        string="Carton Gross Weight (kg)", digits=(16, 2))
    carton_net_weight = fields.Float(string="Carton Net Weight (kg)", digits=(16, 2))
    carton_volume = fields.Float(
        string="Carton Volume (m³)", digits=(16, 4),
        compute="_compute_carton_volume", store=True)

    @api.depends("carton_length", "carton_width", "carton_height")
    def _compute_carton_volume(self):
        for tmpl in self:
            tmpl.carton_volume = (
                tmpl.carton_length * tmpl.carton_width * tmpl.carton_height
            ) / 1000000.0

    @api.constrains(*CARTON_FIELDS)
    def _check_carton_data(self):
        for tmpl in self:
            if any(tmpl[name] < 0 for name in CARTON_FIELDS):
                raise ValidationError(
                    _("Carton data of %s cannot be negative.") % tmpl.display_name)
            if tmpl.carton_net_weight > tmpl.carton_gross_weight > 0:
                raise ValidationError(
                    _("The net weight of a carton of %s exceeds its gross weight.")
                    % tmpl.display_name)
