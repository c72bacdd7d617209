import base64
from datetime import date, timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import ValidationError

from ..models.sale_order import week_bounds
from .common import GendanOrderCase

FILTERS = ("late", "at_risk", "due_this_week", "waiting_me")


class TestWeekBounds(GendanOrderCase):

    def test_week_across_month_and_year_end(self):
        """Monday to Sunday of the week of a day, over month and year ends."""
        cases = {
            # Wednesday of the week from 28 December to 3 January
            date(2026, 12, 30): (date(2026, 12, 28), date(2027, 1, 3)),
            "2027-01-03": (date(2026, 12, 28), date(2027, 1, 3)),
            # a Monday and a Sunday are in their own week
            date(2027, 3, 1): (date(2027, 3, 1), date(2027, 3, 7)),
            date(2027, 2, 28): (date(2027, 2, 22), date(2027, 2, 28)),
            # Friday 31 July: the week ends in August
            date(2026, 7, 31): (date(2026, 7, 27), date(2026, 8, 2)),
            # leap year: Thursday 29 February 2028
            date(2028, 2, 29): (date(2028, 2, 28), date(2028, 3, 5)),
        }
        for day, bounds in cases.items():
            self.assertEqual(week_bounds(day), bounds, day)

    def test_due_this_week_filter(self):
        """Only the next deadlines from this Monday to this Sunday."""
        today = fields.Date.context_today(self.env["sale.order"])
        monday, sunday = week_bounds(today)
        dates = {"before": monday - timedelta(days=1), "monday": monday,
                 "sunday": sunday, "after": sunday + timedelta(days=1)}
        orders = {}
        for key, day in dates.items():
            order = self._create_order()
            self.env.cr.execute(
                "UPDATE sale_order SET milestone_next_date = %s WHERE id = %s",
                (fields.Date.to_string(day), order.id))
            orders[key] = order
        self.env["sale.order"].invalidate_cache()
        ids = [o.id for o in orders.values()]
        Order = self.env["sale.order"].sudo(self.users["merchandiser"])
        found = Order.search([("is_due_this_week", "=", True), ("id", "in", ids)])
        self.assertEqual(found, orders["monday"] | orders["sunday"])
        other = Order.search([("is_due_this_week", "=", False), ("id", "in", ids)])
        self.assertEqual(other, orders["before"] | orders["after"])
        self.assertTrue(found.sudo(self.users["merchandiser"])[0].is_due_this_week)


class TestCockpitList(GendanOrderCase):

    def _arch(self, xmlid, view_type, login="merchandiser"):
        Order = self.env["sale.order"].sudo(self.users[login]).with_context(
            lang="zh_CN")
        view = Order.fields_view_get(self.env.ref(xmlid).id, view_type)
        return etree.fromstring(view["arch"]), view["fields"]

    def test_list_columns(self):
        """At most 10 visible columns with every installed module, dates as
        dates, the next deadline says what and when."""
        arch, view_fields = self._arch(
            "gendan_order.sale_order_view_tree_cockpit", "tree")
        visible = [node.get("name") for node in arch.iter("field")
                   if node.get("invisible") not in ("1", "True")
                   and '"invisible": true' not in (node.get("modifiers") or "")]
        self.assertLessEqual(len(visible), 10, visible)
        for name in ("name", "partner_id", "customer_po", "merchandiser_id",
                     "promised_date", "expected_date", "milestone_next",
                     "milestone_next_date", "milestone_late_count",
                     "cockpit_state"):
            self.assertIn(name, visible)
        self.assertFalse([name for name in visible
                          if view_fields[name]["type"] == "datetime"])
        self.assertFalse([name for name in visible
                          if name.startswith("milestone_")
                          and name.endswith("_state")])

    def test_next_milestone_named(self):
        """The next deadline names its milestone, in the user's language."""
        order = self._create_order()
        self.assertEqual(order.milestone_next, "review")
        self.assertEqual(order.milestone_next_date, order.milestone_review_date)
        Order = self.env["sale.order"].sudo(self.users["merchandiser"])
        labels = dict(Order.with_context(lang="zh_CN").fields_get(
            ["milestone_next"])["milestone_next"]["selection"])
        english = dict(Order.with_context(lang="en_US").fields_get(
            ["milestone_next"])["milestone_next"]["selection"])
        self.assertEqual(english["review"], "Review")
        if self.env["res.lang"].search([("code", "=", "zh_CN")]):
            self.assertNotEqual(labels["review"], "Review")

    def test_filters_and(self):
        """Late, At Risk, Due This Week and Waiting for Me are each in their
        own group (Odoo ANDs groups); "At Risk This Week" is one filter."""
        arch, _fields = self._arch(
            "gendan_order.sale_order_view_search_cockpit", "search")
        group, groups = [], []
        for node in arch:
            if node.tag == "separator":
                groups.append(group)
                group = []
            elif node.tag == "filter":
                group.append(node.get("name"))
        groups.append(group)
        for name in FILTERS:
            holder = [g for g in groups if name in g]
            self.assertEqual(len(holder), 1, name)
            self.assertEqual(set(holder[0]) & set(FILTERS), {name})
        week = arch.find(".//filter[@name='at_risk_this_week']")
        self.assertIn("is_at_risk", week.get("domain"))
        self.assertIn("is_due_this_week", week.get("domain"))
        action = self.env.ref("gendan_order.sale_order_action_cockpit_week")
        self.assertIn("search_default_at_risk_this_week", action.context)

    def test_kanban_columns_in_order(self):
        """Cockpit columns: late first, then the workflow, empty ones too."""
        self._create_order()
        Order = self.env["sale.order"].sudo(self.users["merchandiser"])
        groups = Order.read_group([("team_id", "=", self.team.id)],
                                  ["cockpit_state"], ["cockpit_state"])
        self.assertEqual([g["cockpit_state"] for g in groups],
                         ["late", "at_risk", "draft", "on_track", "done"])
        Sample = self.env["gendan.sample"].sudo(self.users["merchandiser"])
        groups = Sample.read_group([], ["state"], ["state"])
        self.assertEqual([g["state"] for g in groups][:3],
                         ["draft", "to_approve", "in_progress"])


class TestDataClock(GendanOrderCase):
    """Customer data is due one calendar week after confirmation for every
    controlled order (seed: 下单后1个礼拜内)."""

    def _confirm(self, **vals):
        order = self._create_reviewed_order(**vals)
        order.sudo(self.users["salesperson"]).action_confirm()
        return order

    def _due(self, order, days):
        return fields.Date.to_string(fields.Date.from_string(
            order.confirmation_date[:10]) + timedelta(days=days))

    def test_due_a_week_after_confirmation(self):
        """No item recorded yet: due, then late, not "N/A"."""
        order = self._confirm()
        self.assertEqual(order.milestone_data_state, "todo")
        self.assertEqual(order.milestone_data_date, self._due(order, 7))
        old = fields.Datetime.to_string(fields.Datetime.from_string(
            fields.Datetime.now()) - timedelta(days=8))
        self.env.cr.execute("UPDATE sale_order SET confirmation_date = %s "
                            "WHERE id = %s", (old, order.id))
        order.invalidate_cache()
        self.env.add_todo(order._fields["milestone_data_state"], order)
        order.recompute()
        self.assertEqual(order.milestone_data_state, "late")
        self.assertIn("data", order.risk_codes.split(","))

    def test_rush_order_shortens(self):
        """A rush order is due sooner; the clock never runs longer."""
        order = self._confirm(data_due_days=3)
        self.assertEqual(order.milestone_data_date, self._due(order, 3))
        with self.assertRefused(ValidationError):
            order.sudo(self.users["salesperson"]).write({"data_due_days": 10})
        with self.assertRefused(ValidationError):
            order.sudo(self.users["salesperson"]).write({"data_due_days": 0})
        self.assertEqual(order.data_due_days, 3)

    def test_done_when_every_item_approved(self):
        order = self._confirm()
        attachment = self.env["ir.attachment"].create({
            "name": "manual.pdf", "datas_fname": "manual.pdf",
            "datas": base64.b64encode(b"%PDF-1.4 manual")})
        merch = self.users["merchandiser"]
        item = self.env["gendan.requirement.item"].sudo(merch).create({
            "name": "Manual", "order_id": order.id, "item_type": "manual",
            "attachment_ids": [(6, 0, attachment.ids)]})
        self.assertEqual(order.milestone_data_state, "todo")
        item.sudo(merch).action_receive()
        item.sudo(merch).action_approve()
        self.assertEqual(order.milestone_data_state, "done")


class TestTnaAccess(GendanOrderCase):

    def test_salesperson_reads_own_plans_only(self):
        """The T&A lines follow Odoo's "Personal Orders" rule."""
        own = self._create_order()
        other = self._create_order(user_id=self.users["sales_manager"].id)
        Line = self.env["gendan.tna.line"]
        domain = [("order_id", "in", (own | other).ids)]
        self.assertEqual(set(Line.search(domain).mapped("order_id")), {own, other})
        seen = Line.sudo(self.users["salesperson"]).search(domain)
        self.assertEqual(seen.mapped("order_id"), own)
        seen = Line.sudo(self.users["engineer"]).search(domain)
        self.assertEqual(len(seen.mapped("order_id")), 2)
