from odoo.exceptions import AccessError, UserError

from .common import GendanOrderCase


class TestSalesChannel(GendanOrderCase):
    """The gates apply to the orders of Gendan-controlled sales channels; only
    a sales manager takes an order, or a channel, out of them."""

    def test_uncontrolled_order_confirms_without_review(self):
        """An order of an uncontrolled channel is confirmed without review,
        even with an unconfirmed deposit; its review milestone is N/A."""
        order = self._create_order(team_id=self.team_direct.id,
                                   deposit_percent=30.0)
        self.assertFalse(order.gendan_controlled)
        self.assertEqual(order.milestone_review_state, "na")
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signoff_state, "none")
        self.assertTrue(order.picking_ids)
        self.assertTrue(order._gendan_check_production_allowed())

    def test_controlled_order_still_refused(self):
        """An unreviewed order of a controlled channel, or of none, is refused
        (button and state write) and keeps its deposit check."""
        for team in (self.team, self.env["crm.team"]):
            order = self._create_order(team_id=team.id, deposit_percent=30.0)
            self.assertTrue(order.gendan_controlled)
            with self.assertRefused(UserError):
                order.sudo(self.users["salesperson"]).action_confirm()
            with self.assertRefused(UserError):
                order.sudo(self.users["salesperson"]).write({"state": "sale"})
            self.assertEqual(order.state, "draft")
            self.assertFalse(order.picking_ids)
            with self.assertRaises(UserError):
                order._gendan_check_production_allowed()

    def test_salesperson_cannot_move_order_out(self):
        """A salesperson or merchandiser cannot move a controlled order to an
        uncontrolled channel to skip the review (translated refusal)."""
        order = self._create_order()
        for login in ("salesperson", "merchandiser"):
            with self.assertRefused(UserError):
                order.sudo(self.users[login]).write(
                    {"team_id": self.team_direct.id})
            with self.assertRefused(UserError):
                order.sudo(self.users[login]).write(
                    {"team_id": self.team_direct.id, "state": "sale"})
        if self.env["res.lang"].search([("code", "=", "zh_CN")]):
            with self.assertRaisesRegex(UserError, "只有业务经理"):
                order.sudo(self.users["salesperson"]).with_context(
                    lang="zh_CN").write({"team_id": self.team_direct.id})
        self.assertEqual(order.team_id, self.team)
        self.assertTrue(order.gendan_controlled)
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_salesperson_cannot_file_order_outside(self):
        """A member of the controlled channel cannot file a new order straight
        into an uncontrolled channel (RPC create included); a user of that
        channel and a sales manager can."""
        for login in ("salesperson", "merchandiser"):
            with self.assertRaises(UserError):
                self._create_order_as(self.users[login], self.team_direct)
        self.assertFalse(self.env["sale.order"].search(
            [("team_id", "=", self.team_direct.id)]))
        self.assertTrue(self._create_order_as(
            self.users["sales_manager"], self.team_direct))
        order = self._create_order_as(self._shop_seller(), self.team_direct)
        self.assertFalse(order.gendan_controlled)

    def test_core_salesperson_outside_gendan(self):
        """A salesperson of an uncontrolled channel without any Gendan group
        sells as in core Odoo: creates, confirms and opens the order (core
        form, no Gendan data), and gets no review checklist."""
        seller = self._shop_seller()
        order = self._create_order_as(seller, self.team_direct)
        order.write({"order_line": [(0, 0, {
            "product_id": self.product.id, "product_uom_qty": 3.0,
            "price_unit": 12.5})]})
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.sudo().review_line_ids)
        form = order.fields_view_get(view_type="form")["fields"]
        self.assertNotIn("review_line_ids", form)
        self.assertNotIn("sample_ids", form)
        order.invalidate_cache()
        self.assertEqual(order.read(list(form))[0]["state"], "sale")
        # moved into a controlled channel by a manager, it gets its checklist
        order.sudo(self.users["sales_manager"]).write({"team_id": self.team.id})
        self.assertEqual(len(order.sudo().review_line_ids), 7)

    def _shop_seller(self):
        return self.env["res.users"].create({
            "name": "Shop Seller", "login": "shop_seller_test",
            "email": "seller@shop.example", "sale_team_id": self.team_direct.id,
            "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_salesman").id])]})

    def _create_order_as(self, user, team):
        return self.env["sale.order"].sudo(user).create({
            "partner_id": self.customer.id, "team_id": team.id, "user_id": user.id})

    def test_salesperson_moves_order_into_control(self):
        """Moving an order into a controlled channel is free, and from then on
        the review is needed."""
        order = self._create_order(team_id=self.team_direct.id)
        order.sudo(self.users["salesperson"]).write({"team_id": self.team.id})
        self.assertTrue(order.gendan_controlled)
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_confirm()

    def test_sales_manager_moves_order_out(self):
        """The sales manager may decide that an order skips the gates."""
        order = self._create_order()
        order.sudo(self.users["sales_manager"]).write(
            {"team_id": self.team_direct.id})
        self.assertFalse(order.gendan_controlled)
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_switch_only_by_sales_manager(self):
        """Only a sales manager (or the general manager) changes the switch of
        a channel; the orders of the channel follow it."""
        order = self._create_order()
        for login in ("salesperson", "merchandiser", "finance"):
            with self.assertRefused(AccessError):
                self.team.sudo(self.users[login]).write({"gendan_controlled": False})
            with self.assertRefused(AccessError):
                self.env["crm.team"].sudo(self.users[login]).create(
                    {"name": "Side door", "gendan_controlled": False})
        self.assertTrue(self.team.gendan_controlled)
        self.assertTrue(order.gendan_controlled)
        self.team.sudo(self.users["general_manager"]).write(
            {"gendan_controlled": False})
        self.assertFalse(order.gendan_controlled)
        self.team.sudo(self.users["sales_manager"]).write({"gendan_controlled": True})
        self.assertTrue(order.gendan_controlled)

    def test_new_channel_is_controlled(self):
        """A new sales channel is controlled unless the manager says otherwise."""
        team = self.env["crm.team"].sudo(self.users["sales_manager"]).create(
            {"name": "Middle East"})
        self.assertTrue(team.gendan_controlled)
