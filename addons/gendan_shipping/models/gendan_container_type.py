from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanContainerType(models.Model):
    _name = "gendan.container.type"
    _description = "Container Type"
    _order = "sequence, volume"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Short code printed on documents, e.g. 40HQ.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_reefer = fields.Boolean(help="Refrigerated container.")
    volume = fields.Float(
        string="Internal Volume (m³)", digits=(16, 2), required=True)
    max_payload = fields.Float(
        string="Max Payload (kg)", digits=(16, 0), required=True)
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "The container type code must be unique."),
    ]

    @api.multi
    def name_get(self):
        return [(ctype.id, "[%s] %s" % (ctype.code, ctype.name)) for ctype in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Found by code (what the forwarder writes: 40HQ) or by name."""
        if not name or operator not in ("ilike", "like", "=", "=ilike", "=like"):
            return super(GendanContainerType, self).name_search(
                name, args, operator, limit)
        domain = ["|", ("code", operator, name), ("name", operator, name)]
        return self.search(domain + (args or []), limit=limit).name_get()

    @api.constrains("volume", "max_payload")
    def _check_capacity(self):
        if self.filtered(lambda t: t.volume <= 0 or t.max_payload <= 0):
            raise ValidationError(
                _("A container type needs a positive volume and payload."))

    @api.model
    def _suggest_mix(self, volume, weight, fill_factor=1.0):
        """Return a list of (container type, count) able to carry the cargo.

        Greedy on the largest type for the full containers, then the smallest
        type that takes the remainder (by volume and by weight).
        """
        types = self.search([("is_reefer", "=", False)])
        if not types or (volume <= 0 and weight <= 0):
            return []
        largest = types.sorted(lambda t: (t.volume, t.max_payload))[-1]
        cap_vol = largest.volume * fill_factor
        cap_wt = largest.max_payload * fill_factor
        full = 0
        while volume > cap_vol or weight > cap_wt:
            full += 1
            volume = max(volume - cap_vol, 0.0)
            weight = max(weight - cap_wt, 0.0)
        mix = {}
        if full:
            mix[largest] = full
        if volume > 0 or weight > 0:
            fitting = types.filtered(
                lambda t: t.volume * fill_factor >= volume
                and t.max_payload * fill_factor >= weight)
            smallest = fitting.sorted(lambda t: (t.volume, t.max_payload))[:1]
            mix[smallest] = mix.get(smallest, 0) + 1
        return sorted(mix.items(), key=lambda item: -item[0].volume)

    @api.model
    def _format_mix(self, mix):
        return " + ".join("%d × %s" % (count, ctype.code) for ctype, count in mix)
