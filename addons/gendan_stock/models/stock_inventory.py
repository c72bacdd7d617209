from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

TODO_COUNT = "gendan_stock.month_end_count"


class StockInventory(models.Model):
    """The month-end count (月末盘点) is a core inventory adjustment that the
    cron prepares on the last day of each month for the configured
    locations; the responsible counts, the differences show, core validates."""

    _name = "stock.inventory"
    _inherit = ["stock.inventory", "mail.thread", "mail.activity.mixin"]

    gendan_count_date = fields.Date(
        "Month-End Count Of", readonly=True, copy=False, index=True,
        help="Last day of the month this count was prepared for.")
    gendan_difference_count = fields.Integer(
        "Lines with Difference", compute="_compute_gendan_difference_count")

    @api.depends("line_ids.gendan_difference")
    def _compute_gendan_difference_count(self):
        for inventory in self:
            inventory.gendan_difference_count = len(inventory.line_ids.filtered(
                "gendan_has_difference"))

    @api.model
    def _gendan_today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.model
    def _cron_gendan_month_end(self):
        """Daily; on the last day of the month, prepares the count of each
        configured location once. Returns the counts created."""
        today = self._gendan_today()
        if (today + timedelta(days=1)).month == today.month:
            return self.browse()
        created = self.browse()
        companies = self.env["res.company"].search(
            [("gendan_count_location_ids", "!=", False)])
        for company in companies:
            created |= self._gendan_prepare_count(company, today)
        return created

    @api.model
    def _gendan_prepare_this_month(self, company):
        """This month's counts of ``company`` ahead of its last day (demo):
        prepared, not started, so that the month's other adjustments of the
        same products are not refused; the cron starts them on the day."""
        today = self._gendan_today()
        day = today + relativedelta(day=31)
        return self._gendan_prepare_count(company, day, start=day <= today)

    @api.model
    def _gendan_prepare_count(self, company, day, start=True):
        """The counts of ``company`` (record or id) for ``day`` (a date),
        started (the theoretical quantities taken) unless ``start`` is
        false; a count prepared earlier for the day is started now."""
        company = self.env["res.company"].browse(int(company))
        day_str = fields.Date.to_string(day)
        prepared = self.search([("gendan_count_date", "=", day_str),
                                ("company_id", "=", company.id)])
        done = prepared.mapped("location_id")
        # a location still counted (an adjustment in progress, e.g. last
        # month's) gets no second one: Odoo refuses two adjustments in
        # progress of the same product and location
        done |= self.search([("state", "=", "confirm"),
                             ("company_id", "=", company.id)]).mapped("location_id")
        created = self.browse()
        user = company.gendan_count_user_id
        # named in the counter's language, whoever runs the cron
        reader = self.with_context(lang=user.lang or self.env.lang)
        for location in company.gendan_count_location_ids - done:
            created |= self.create({
                "name": reader._gendan_count_name(day, location),
                "location_id": location.id, "filter": "none",
                "company_id": company.id, "gendan_count_date": day_str})
        if start:
            drafts = prepared.filtered(lambda inv: inv.state == "draft")
            (created | drafts).action_start()
        if user:
            self.env["mail.activity"]._todo_ensure(
                created, TODO_COUNT, user,
                lambda self: _("Count the stock of %s and enter the counted "
                               "quantities") % self.location_id.display_name,
                deadline=day_str)
        return created

    @api.model
    def _gendan_count_name(self, day, location):
        """The name of the count of ``location`` for ``day``, in the
        context's language."""
        return _("Month-end count %(month)s %(location)s") % {
            "month": day.strftime("%Y-%m"),
            "location": location.with_env(self.env).display_name}

    @api.model
    def _gendan_demo_opening_stock(self, name, product, location, quantity):
        """Demo data only: the opening stock ``name`` of ``product`` (id) in
        ``location`` (id), once. A product that already has stock there or
        is in an adjustment in progress (left by an earlier install of the
        module) keeps it."""
        product = self.env["product.product"].browse(product)
        location = self.env["stock.location"].browse(location)
        if product.with_context(location=location.id).qty_available or \
                self.env["stock.inventory.line"].search_count([
                    ("product_id", "=", product.id),
                    ("location_id", "=", location.id),
                    ("inventory_id.state", "=", "confirm")]):
            return False
        inventory = self.create({
            "name": name, "location_id": location.id,
            "filter": "partial"})
        inventory.action_start()
        self.env["stock.inventory.line"].create({
            "inventory_id": inventory.id, "product_id": product.id,
            "location_id": location.id, "product_qty": quantity})
        inventory.action_done()
        return inventory.id

    @api.multi
    def action_done(self):
        res = super(StockInventory, self).action_done()
        self.env["mail.activity"]._todo_done(
            self.filtered("gendan_count_date"), TODO_COUNT)
        return res

    @api.multi
    def action_gendan_differences(self):
        """The lines whose counted quantity differs from the theoretical one."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Count Differences"),
            "res_model": "stock.inventory.line", "view_mode": "tree",
            "view_id": self.env.ref(
                "gendan_stock.stock_inventory_line_view_tree_difference").id,
            "domain": [("inventory_id", "=", self.id),
                       ("gendan_has_difference", "=", True)],
        }
