from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ComplaintCase


class TestComplaint(ComplaintCase):
    """Complaint intake, rectification meeting and the 8D report guards."""

    def test_intake_numbers_and_sla(self):
        """A complaint gets a number, the 8D flag for major issues and an SLA date."""
        complaint = self._complaint(severity="major")
        self.assertTrue(complaint.name.startswith("CC"))
        self.assertTrue(complaint.eightd_required)
        self.assertEqual(complaint.state, "new")
        self.assertTrue(complaint.sla_deadline)
        self.assertGreater(complaint.sla_deadline, complaint.received_date)
        self.assertEqual(complaint.sla_status in ("on_time", "due_soon"), True)

    def test_complaint_without_customer_refused(self):
        """No customer: create and write are refused, nothing is written."""
        count = self.Complaint.search_count([])
        with self.assertRaises(ValidationError):
            self.Complaint.sudo(self.users["merchandiser"]).create(
                {"symptom": "Broken", "partner_id": False})
        self.assertEqual(self.Complaint.search_count([]), count)
        complaint = self._complaint()
        with self.assertRaises(ValidationError):
            complaint.sudo(self.users["merchandiser"]).write({"partner_id": False})
        self.assertEqual(complaint.partner_id, self.customer)

    def test_major_needs_meeting_before_analysis(self):
        """Major/critical: no analysis before the rectification meeting."""
        complaint = self._complaint(severity="critical")
        with self.assertRaisesRegex(UserError, "rectification meeting"):
            complaint.sudo(self.users["qa"]).action_start_analysis()
        self.assertEqual(complaint.state, "new")
        with self.assertRaises(UserError):
            complaint.sudo(self.users["qa"]).write({"state": "analysis"})
        complaint.sudo(self.users["qa"]).write(self._meeting_vals())
        complaint.sudo(self.users["qa"]).action_start_analysis()
        self.assertEqual(complaint.state, "analysis")

    def test_minor_starts_analysis_directly(self):
        """A minor complaint needs no meeting."""
        complaint = self._complaint()
        complaint.sudo(self.users["qa"]).action_start_analysis()
        self.assertEqual(complaint.state, "analysis")
        self.assertFalse(complaint.meeting_required)

    def test_8d_not_advanced_before_analysis(self):
        """The 8D does not move while the complaint is in intake."""
        complaint = self._complaint(eightd_required=True)
        complaint.sudo(self.users["qa"]).write(self._discipline_vals("d0"))
        with self.assertRaises(UserError):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "d0")

    def test_8d_step_with_empty_fields_refused(self):
        """A discipline with empty required fields (or no owner/date) blocks."""
        complaint = self._complaint_in_analysis()
        self.assertIn("Emergency Response", complaint.eightd_missing)
        with self.assertRaisesRegex(UserError, "D0 is incomplete"):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        vals = self._discipline_vals("d0")
        vals.pop("d0_user_id")
        complaint.sudo(self.users["qa"]).write(vals)
        with self.assertRaisesRegex(UserError, "D0 Owner"):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "d0")

    def test_8d_cannot_jump_over_disciplines(self):
        """Writing a later discipline directly (RPC) is refused as well."""
        complaint = self._complaint_in_analysis()
        complaint.sudo(self.users["qa"]).write(self._discipline_vals("d0"))
        with self.assertRaisesRegex(UserError, "D1 is incomplete"):
            complaint.sudo(self.users["qa"]).write({"eightd_step": "d5"})
        self.assertEqual(complaint.eightd_step, "d0")

    def test_close_8d_with_empty_d4_refused(self):
        """Closing the 8D while D4 was emptied again is refused."""
        complaint = self._advance_to(self._complaint_in_analysis("major"), "d8")
        complaint.sudo(self.users["qa"]).write(self._discipline_vals("d8"))
        complaint.sudo(self.users["qa"]).write({"d4_root_cause": False})
        with self.assertRaisesRegex(UserError, "D4 is incomplete"):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "d8")

    def test_close_8d_with_open_action_refused(self):
        """The 8D cannot close while an action is open."""
        complaint = self._advance_to(self._complaint_in_analysis(), "d8")
        complaint.sudo(self.users["qa"]).write(dict(
            self._discipline_vals("d8"), action_ids=[(0, 0, {
                "name": "Update FMEA", "action_type": "preventive",
                "user_id": self.users["engineer"].id,
                "date_deadline": self.today})]))
        with self.assertRaisesRegex(UserError, "action"):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "d8")
        complaint.action_ids.filtered(lambda a: not a.is_done).sudo(
            self.users["engineer"]).action_done()
        complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "closed")

    def test_d6_needs_corrective_actions_done(self):
        """Leaving D6 needs every corrective action implemented."""
        complaint = self._advance_to(self._complaint_in_analysis(), "d6")
        complaint.corrective_action_ids.sudo(self.users["qa"]).action_reopen()
        complaint.sudo(self.users["qa"]).write(self._discipline_vals("d6"))
        with self.assertRaisesRegex(UserError, "corrective action"):
            complaint.sudo(self.users["qa"]).action_eightd_next()
        self.assertEqual(complaint.eightd_step, "d6")

    def test_full_8d_closes_and_freezes_actions(self):
        """A complete 8D closes; its actions can no longer change."""
        complaint = self._advance_to(self._complaint_in_analysis("major"), "closed")
        self.assertEqual(complaint.open_action_count, 0)
        with self.assertRaises(UserError):
            complaint.action_ids.sudo(self.users["production"]).action_reopen()
        self.assertTrue(all(complaint.action_ids.mapped("is_done")))
        # tracking values are technical (base.group_no_one): read them as admin
        self.assertIn("8D Discipline", complaint.sudo().message_ids.mapped(
            "tracking_value_ids.field_desc"))

    def test_any_department_owns_actions(self):
        """Engineering adds and closes its own 8D action (restricted user)."""
        complaint = self._complaint_in_analysis()
        action = self.env["gendan.complaint.action"].sudo(
            self.users["engineer"]).create({
                "complaint_id": complaint.id, "name": "Review drawing",
                "user_id": self.users["engineer"].id, "date_deadline": self.today})
        action.action_done()
        self.assertTrue(action.is_done)
        self.assertEqual(complaint.open_action_count, 0)

    def test_unlink_guard(self):
        """Only a complaint in intake can be deleted, and not by a plain user."""
        complaint = self._complaint_in_analysis()
        with self.assertRaises(UserError):
            complaint.sudo(self.users["merchandiser"]).unlink()
        with self.assertRaises(AccessError):
            self._complaint().sudo(self.users["plain"]).unlink()
        self.assertTrue(complaint.exists())

    def test_plain_user_cannot_create(self):
        """A Gendan user outside sales/merchandising/QA cannot register complaints."""
        with self.assertRaises(AccessError):
            self._complaint(user=self.users["finance"])

    def test_archive_search(self):
        """The archive finds complaints by customer, product and cause."""
        complaint = self._advance_to(self._complaint_in_analysis(), "d5")
        user_env = self.Complaint.sudo(self.users["sales_manager"])
        for domain in ([("partner_id", "=", self.customer.id)],
                       [("product_ids", "in", self.product.ids)],
                       [("cause_id", "=", self.cause.id)],
                       [("d4_root_cause", "ilike", "torque")]):
            self.assertIn(complaint, user_env.search(domain))

    def test_onchange_picking_and_order(self):
        """Choosing a delivery or an order fills customer, order and products."""
        order = self.env.ref("sale.sale_order_1")
        complaint = self.Complaint.sudo(self.users["merchandiser"]).new(
            {"order_id": order.id})
        complaint._onchange_order_id()
        self.assertEqual(complaint.partner_id, order.partner_id)
        self.assertEqual(complaint.product_ids, order.order_line.mapped("product_id"))
        picking = self.env["stock.picking"].search(
            [("picking_type_code", "=", "outgoing")], limit=1)
        if picking:
            complaint = self.Complaint.new({"picking_id": picking.id})
            complaint._onchange_picking_id()
            self.assertEqual(complaint.partner_id,
                             picking.partner_id.commercial_partner_id)

    def test_views_open_for_departments(self):
        """Each department opens the after-sales forms and lists."""
        views = {"gendan.complaint": ["form", "tree", "search", "kanban", "pivot"],
                 "mrp.repair": ["form", "tree", "pivot", "graph"],
                 "gendan.part.request": ["form", "tree"],
                 "gendan.repair.quarter": ["form", "tree"],
                 "gendan.complaint.compensation": ["form", "tree"]}
        for login in ("merchandiser", "qa", "engineer", "fg_wh"):
            for model, types in views.items():
                for view_type in types:
                    arch = self.env[model].sudo(self.users[login]).fields_view_get(
                        view_type=view_type)["arch"]
                    self.assertTrue(arch)
