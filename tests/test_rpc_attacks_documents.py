"""Attacks on the business documents through XML-RPC and JSON-RPC.

A real server with ``--workers=2`` on the test database; every attempt is
made as a demo department user with its password, and the database is read
back (SQL, outside the server) after the attempts: nothing may have changed.
The demo documents are only attacked (a refused attack changes nothing); the
records this file needs in other states (an MO of an unapproved task order,
a loaded shipment) are created as admin and cancelled at the end.
"""
import datetime
import time

from odoo_server import RpcRefused, RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]
# may move an order out of a Gendan-controlled sales channel
SALES_MANAGERS = {"sales_manager", "general_manager"}


class TestDocumentAttacks(RpcServerCase):
    """Sign-off, state gates and deletion of the gendan documents."""

    def _signatures(self, model, res_id):
        return self.sql("SELECT id, state, signed_by_id, revision "
                        "FROM gendan_signature WHERE res_model = %s "
                        "AND res_id = %s ORDER BY id", (model, res_id))

    def _row(self, table, res_id, columns):
        # table and columns are literals of this file
        return self.sql("SELECT %s FROM %s WHERE id = %%s" % (columns, table),
                        (res_id,))

    def _moves(self, where, res_id):
        """(id, state, done quantity) of the stock moves matching ``where``."""
        return self.sql(
            "SELECT m.id, m.state, (SELECT sum(l.qty_done) FROM stock_move_line l "
            "WHERE l.move_id = m.id) FROM stock_move m WHERE %s ORDER BY m.id"
            % where, (res_id,))

    def assertNoBreach(self, breaches):
        self.assertEqual(breaches, [], "\n".join(breaches))

    # -- task order (gendan_production) --------------------------------------------

    def test_task_order_signoff(self):
        """A task order waiting for the sales manager: nobody else signs, skips
        ahead, forges or deletes a signature, or writes the approved state."""
        task_id = self.xmlid("gendan_production.task_order_pending_demo")
        before_sigs = self._signatures("gendan.task.order", task_id)
        columns = ("state, signoff_state, signoff_revision, distribution_revision, "
                   "signoff_waiting_uids")
        before = self._row("gendan_task_order", task_id, columns)
        self.assertEqual(before[0][:2], ("pending", "pending"))
        sig_ids = [row[0] for row in before_sigs]
        pending = [row[0] for row in before_sigs if row[1] == "pending"]
        signers_now = {"sales_manager"}  # sequence 20: its own role only
        breaches = []
        for login in LOGINS:
            uid = self.login(login)
            attempts = [
                ("gendan.signature", "write", pending,
                 {"state": "signed", "signed_by_id": uid}),
                ("gendan.signature", "create", {
                    "res_model": "gendan.task.order", "res_id": task_id,
                    "name": "Forged", "state": "signed", "signed_by_id": uid}),
                ("gendan.signature", "unlink", sig_ids),
                ("gendan.task.order", "write", [task_id], {"state": "approved"}),
                ("gendan.task.order", "write", [task_id], {"state": "production"}),
                ("gendan.task.order", "write", [task_id],
                 {"signoff_state": "approved"}),
                ("gendan.task.order", "write", [task_id], {"signoff_revision": 0}),
                # "Waiting for Me" of someone who may not sign
                ("gendan.task.order", "write", [task_id],
                 {"signoff_waiting_uids": ",%d," % uid}),
                ("gendan.task.order", "write", [task_id],
                 {"distribution_revision": 9}),
                ("gendan.task.order", "action_create_productions", [task_id]),
                ("gendan.task.order", "action_done", [task_id]),
                ("gendan.task.order", "unlink", [task_id]),
            ]
            if login not in signers_now:
                attempts += [
                    ("gendan.task.order", "action_signoff_sign", [task_id]),
                    ("gendan.task.order", "action_signoff_reject", [task_id],
                     "rejected by a non-signer"),
                    ("gendan.signoff.wizard", "create", {
                        "res_model": "gendan.task.order", "res_id": task_id,
                        "action": "sign"}),
                ]
            for model, method, *args in attempts:
                if model == "gendan.signoff.wizard":
                    breaches.append(self._wizard_sign(login, args[0]))
                    continue
                breaches.append(self.attempt(login, model, method, *args))
        # the configuration that decides who signs is the administrator's
        rule_ids = self.call("admin", "gendan.signoff.rule", "search",
                             [("model_id.model", "=", "gendan.task.order")])
        for login in LOGINS:
            breaches += [
                self.attempt(login, "gendan.signoff.rule", "write", rule_ids,
                             {"active": False}),
                self.attempt(login, "gendan.signoff.rule", "write", rule_ids,
                             {"sequence": 10}),
                self.attempt(login, "gendan.signoff.rule", "unlink", rule_ids),
            ]
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._signatures("gendan.task.order", task_id), before_sigs)
        self.assertEqual(self._row("gendan_task_order", task_id, columns), before)
        self.assertEqual(self.sql(
            "SELECT count(*) FROM gendan_signoff_rule r JOIN ir_model m "
            "ON m.id = r.model_id WHERE m.model = 'gendan.task.order' "
            "AND r.active AND r.sequence IN (10, 20, 25, 30)"),
            [(len(rule_ids),)])

    def test_draft_task_order_request_by_readers(self):
        """Who may only read the draft task order (every department but the
        merchandisers) cannot ask for its signatures: nothing written."""
        task_id = self.xmlid("gendan_production.task_order_draft_demo")
        columns = "state, signoff_state, signoff_revision, signoff_waiting_uids"
        before = self._row("gendan_task_order", task_id, columns)
        self.assertEqual(before[0][:2], ("draft", "none"))
        before_sigs = self._signatures("gendan.task.order", task_id)
        readers = [login for login in LOGINS if not self.call(
            login, "gendan.task.order", "check_access_rights", "write", False)]
        self.assertGreaterEqual(len(readers), 10, readers)
        self.assertNoBreach([msg for msg in (
            self.attempt(login, "gendan.task.order", "action_signoff_request",
                         [task_id]) for login in readers) if msg])
        self.assertEqual(self._row("gendan_task_order", task_id, columns), before)
        self.assertEqual(self._signatures("gendan.task.order", task_id), before_sigs)

    def test_skip_sequence_message(self):
        """A later signer is told who signs first; the chatter is unchanged."""
        task_id = self.xmlid("gendan_production.task_order_pending_demo")
        message = self.assertRefused("engineer", "gendan.task.order",
                                     "action_signoff_sign", [task_id])
        self.assertIn("must be signed first by: Sales Manager", message)
        message = self.assertRefused("salesperson", "gendan.task.order",
                                     "action_signoff_sign", [task_id])
        self.assertIn("already signed", message)
        message = self.assertRefused("fg_wh", "gendan.task.order",
                                     "action_signoff_sign", [task_id])
        self.assertIn("do not hold a role", message)

    def _wizard_sign(self, login, vals):
        """Sign through the sign/reject wizard; None when refused."""
        try:
            wizard_id = self.call(login, "gendan.signoff.wizard", "create", vals)
        except Exception:  # refused at creation (no access): fine
            return None
        return self.attempt(login, "gendan.signoff.wizard", "action_confirm",
                            [wizard_id])

    def test_wizard_other_models(self):
        """The sign/reject wizard only signs documents under sign-off."""
        breaches = [self._wizard_sign("engineer", {
            "res_model": model, "res_id": 1, "action": "sign"})
            for model in ("res.users", "gendan.signature", "no.such.model")]
        self.assertNoBreach([b for b in breaches if b])

    def test_signed_task_order(self):
        """A signed task order is not deleted, reset or pushed on by RPC."""
        approved_id = self.xmlid("gendan_production.task_order_approved_demo")
        production_id = self.xmlid("gendan_production.task_order_production_demo")
        done_id = self.xmlid("gendan_production.task_order_done_demo")
        ids = [approved_id, production_id, done_id]
        columns = "state, signoff_state, signoff_revision, sale_order_id"
        before = {i: self._row("gendan_task_order", i, columns) for i in ids}
        sigs = {i: self._signatures("gendan.task.order", i) for i in ids}
        # the administrator (Odoo 11's superuser) may not delete them either
        breaches = [self.attempt("admin", "gendan.task.order", "unlink", [task_id])
                    for task_id in ids]
        for login in LOGINS:
            for task_id in ids:
                breaches += [
                    self.attempt(login, "gendan.task.order", "unlink", [task_id]),
                    self.attempt(login, "gendan.task.order", "write", [task_id],
                                 {"state": "draft"}),
                    self.attempt(login, "gendan.task.order", "write", [task_id],
                                 {"state": "cancel"}),
                    self.attempt(login, "gendan.task.order", "write", [task_id],
                                 {"signoff_state": "none"}),
                ]
            breaches.append(self.attempt(login, "gendan.task.order", "write",
                                         [approved_id], {"state": "done"}))
        self.assertNoBreach([b for b in breaches if b])
        for task_id in ids:
            self.assertEqual(self._row("gendan_task_order", task_id, columns),
                             before[task_id])
            self.assertEqual(self._signatures("gendan.task.order", task_id),
                             sigs[task_id])

    # -- sale order review (gendan_order) ---------------------------------------------

    def test_unreviewed_order_not_confirmed(self):
        """An order under review is not confirmed by RPC, XML or JSON, nor
        moved to an uncontrolled sales channel (or its channel switched off)
        to skip the review."""
        order_id = self.xmlid("gendan_order.order_in_review_demo")
        export_id = self.xmlid("gendan_order.crm_team_export_demo")
        direct_id = self.xmlid("sales_team.team_sales_department")
        columns = ("state, signoff_state, signoff_revision, confirmation_date, "
                   "team_id, gendan_controlled")
        before = self._row("sale_order", order_id, columns)
        self.assertNotEqual(before[0][1], "approved")
        pickings = self.sql("SELECT count(*) FROM stock_picking p JOIN "
                            "procurement_group g ON g.id = p.group_id "
                            "WHERE g.sale_id = %s", (order_id,))
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "sale.order", "action_confirm", [order_id]),
                self.attempt(login, "sale.order", "write", [order_id],
                             {"state": "sale"}),
                self.attempt(login, "sale.order", "write", [order_id],
                             {"state": "done"}),
                self.attempt(login, "sale.order", "write", [order_id],
                             {"signoff_state": "approved"}),
                self.attempt(login, "sale.order", "action_done", [order_id]),
                self.attempt(login, "sale.order", "action_signoff_sign", [order_id]),
                self.attempt(login, "sale.order", "create", {
                    "partner_id": self.xmlid("base.res_partner_2"),
                    "state": "sale"}),
                self.attempt(login, "sale.order", "create", {
                    "partner_id": self.xmlid("base.res_partner_2"),
                    "signoff_state": "approved"}),
            ]
            if login not in SALES_MANAGERS:
                breaches += [
                    self.attempt(login, "sale.order", "write", [order_id],
                                 {"team_id": direct_id}),
                    self.attempt(login, "sale.order", "write", [order_id],
                                 {"team_id": direct_id, "state": "sale"}),
                    self.attempt(login, "crm.team", "write", [export_id],
                                 {"gendan_controlled": False}),
                    self.attempt(login, "crm.team", "create", {
                        "name": "Side door", "gendan_controlled": False}),
                ]
            try:
                self.call_json(login, "sale.order", "action_confirm", [order_id])
                breaches.append("%s confirmed %s through JSON-RPC" % (login, order_id))
            except RpcRefused as refused:
                if refused.name not in ("odoo.exceptions.UserError",
                                        "odoo.exceptions.AccessError"):
                    breaches.append("%s JSON-RPC: %s" % (login, refused))
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._row("sale_order", order_id, columns), before)
        self.assertEqual(self.sql("SELECT count(*) FROM stock_picking p JOIN "
                                  "procurement_group g ON g.id = p.group_id "
                                  "WHERE g.sale_id = %s", (order_id,)), pickings)
        self.assertEqual(self.sql(
            "SELECT gendan_controlled FROM crm_team WHERE id = %s", (export_id,)),
            [(True,)])
        self.assertEqual(self.sql(
            "SELECT count(*) FROM crm_team WHERE name = 'Side door'"), [(0,)])

    def test_copied_order_needs_review(self):
        """A copy of a reviewed order starts unreviewed and cannot be confirmed."""
        reviewed_id = self.xmlid("gendan_order.order_on_track_demo")
        copy_id = self.call("salesperson", "sale.order", "copy", reviewed_id)
        self.addCleanup(self.call, "admin", "sale.order", "unlink", [copy_id])
        self.assertEqual(self._row("sale_order", copy_id, "state, signoff_state"),
                         [("draft", "none")])
        breach = self.attempt("salesperson", "sale.order", "action_confirm",
                              [copy_id])
        self.assertIsNone(breach, breach)
        self.assertEqual(self._row("sale_order", copy_id, "state"), [("draft",)])

    # -- other salespeople's orders ----------------------------------------------------

    def test_salesperson_reads_own_orders_only(self):
        """Odoo's "Personal Orders" rule holds for the gendan salesperson."""
        uid = self.login("salesperson")
        others = [row[0] for row in self.sql(
            "SELECT id FROM sale_order WHERE user_id IS NOT NULL AND user_id != %s "
            "ORDER BY id", (uid,))]
        own = [row[0] for row in self.sql(
            "SELECT id FROM sale_order WHERE user_id = %s", (uid,))]
        self.assertTrue(others and own)
        found = self.call("salesperson", "sale.order", "search", [])
        self.assertTrue(set(own) <= set(found))
        self.assertFalse(set(found) & set(others))
        breaches = []
        for order_id in others[:5]:
            breaches += [
                self.attempt("salesperson", "sale.order", "read", [order_id],
                             ["name", "amount_total", "partner_id"]),
                self.attempt("salesperson", "sale.order", "write", [order_id],
                             {"note": "hijacked"}),
            ]
            line_ids = [row[0] for row in self.sql(
                "SELECT id FROM sale_order_line WHERE order_id = %s", (order_id,))]
            if line_ids:
                breaches.append(self.attempt(
                    "salesperson", "sale.order.line", "read", line_ids,
                    ["price_unit"]))
        self.assertNoBreach([b for b in breaches if b])
        lines = self.call("salesperson", "sale.order.line", "search_read",
                          [("order_id", "in", others)], ["id"])
        self.assertEqual(lines, [])
        groups = self.call("salesperson", "sale.order", "read_group",
                           [("id", "in", others)], ["amount_total", "user_id"],
                           ["user_id"])
        self.assertEqual(groups, [])
        exported = self.call("salesperson", "sale.order", "search_read",
                             [("user_id", "!=", uid)], ["name"])
        self.assertTrue(all(order["id"] not in others for order in exported))
        self.assertEqual(self.sql(
            "SELECT count(*) FROM sale_order WHERE note = 'hijacked'"), [(0,)])

    # -- delivery payment gate (gendan_shipping) ---------------------------------------

    def test_gated_delivery_not_validated(self):
        """A customer delivery waiting for payment is not validated by RPC
        (the demo's completed order: its goods are reserved, the balance is
        not paid)."""
        order_id = self.xmlid("gendan_order.order_done_demo")
        picking_id = self.call("admin", "stock.picking", "search", [
            ("sale_id", "=", order_id), ("picking_type_code", "=", "outgoing"),
            ("state", "not in", ("done", "cancel"))])[0]
        self.assertEqual(self.call("admin", "stock.picking", "read", [picking_id],
                                   ["gendan_payment_state"])[0]
                         ["gendan_payment_state"], "blocked")
        before = self._row("stock_picking", picking_id, "state, date_done")
        self.assertEqual(before[0][0], "assigned")
        moves = self._moves("m.picking_id = %s", picking_id)
        move_ids = [row[0] for row in moves]
        quants = self.sql("SELECT sum(quantity) FROM stock_quant")
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "stock.picking", "button_validate", [picking_id]),
                self.attempt(login, "stock.picking", "action_done", [picking_id]),
                self.attempt(login, "stock.picking", "write", [picking_id],
                             {"state": "done"}),
                self.attempt(login, "stock.move", "write", move_ids,
                             {"state": "done"}),
            ]
            try:
                wizard_id = self.call(login, "stock.immediate.transfer", "create",
                                      {"pick_ids": [(4, picking_id)]})
            except Exception:  # no access to the wizard: refused
                wizard_id = None
            if wizard_id:
                breaches.append(self.attempt(login, "stock.immediate.transfer",
                                             "process", [wizard_id]))
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._row("stock_picking", picking_id, "state, date_done"),
                         before)
        self.assertEqual(self._moves("m.picking_id = %s", picking_id), moves)
        self.assertEqual(self.sql("SELECT sum(quantity) FROM stock_quant"), quants)

    # -- MO gate (gendan_production) ---------------------------------------------------

    def test_mo_of_unapproved_task_order_not_started(self):
        """The MO of a task order still waiting for signatures does not start."""
        task_id = self.xmlid("gendan_production.task_order_pending_demo")
        line = self.call("admin", "gendan.task.order.line", "search_read",
                         [("task_order_id", "=", task_id)],
                         ["product_id", "bom_id"])[0]
        product = self.call("admin", "product.product", "read",
                            [line["product_id"][0]], ["uom_id"])[0]
        production_id = self.call("admin", "mrp.production", "create", {
            "product_id": line["product_id"][0], "product_qty": 2,
            "product_uom_id": product["uom_id"][0],
            "bom_id": line["bom_id"] and line["bom_id"][0],
            "gendan_task_order_id": task_id, "origin": "RPC attack"})
        self.addCleanup(self._cancel_production, production_id)
        columns = "state, date_start, date_finished, is_locked"
        before = self._row("mrp_production", production_id, columns)
        moves = self._moves("%s IN (m.raw_material_production_id, m.production_id)",
                            production_id)
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "mrp.production", method, [production_id])
                for method in ("button_plan", "action_assign", "open_produce_product",
                               "button_mark_done", "post_inventory")]
            breaches += [
                self.attempt(login, "mrp.production", "write", [production_id],
                             {"state": state})
                for state in ("planned", "progress", "done")]
            try:
                wizard_id = self.call(
                    login, "mrp.product.produce", "create",
                    {"production_id": production_id, "product_qty": 2},
                    context={"active_id": production_id,
                             "active_ids": [production_id]})
            except Exception:  # no access to the wizard: refused
                wizard_id = None
            if wizard_id:
                breaches.append(self.attempt(login, "mrp.product.produce",
                                             "do_produce", [wizard_id]))
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._row("mrp_production", production_id, columns), before)
        self.assertEqual(self._moves(
            "%s IN (m.raw_material_production_id, m.production_id)", production_id),
            moves)

    def _cancel_production(self, production_id):
        self.call("admin", "mrp.production", "action_cancel", [production_id])

    # -- statement (gendan_reconcile) --------------------------------------------------

    def test_confirmed_statement_locked(self):
        """A confirmed statement is not deleted, reopened or edited by RPC."""
        statement_id = self.call("admin", "gendan.statement", "search",
                                 [("state", "=", "confirmed")], limit=1)[0]
        columns = ("state, signoff_state, closing_balance, amount_delivered, "
                   "date_from, date_to, partner_id, user_id")
        before = self._row("gendan_statement", statement_id, columns)
        lines = self.sql("SELECT id, quantity, amount, is_disputed, dispute_reason "
                         "FROM gendan_statement_line WHERE statement_id = %s "
                         "ORDER BY id", (statement_id,))
        line_ids = [row[0] for row in lines]
        breaches = []
        for login in LOGINS + ["admin"]:
            breaches += [
                self.attempt(login, "gendan.statement", "unlink", [statement_id]),
                self.attempt(login, "gendan.statement", "write", [statement_id],
                             {"state": "draft"}),
                self.attempt(login, "gendan.statement", "write", [statement_id],
                             {"closing_balance": 0.0}),
                self.attempt(login, "gendan.statement", "write", [statement_id],
                             {"user_id": self.login(login)}),
                self.attempt(login, "gendan.statement", "write", [statement_id],
                             {"signoff_state": "none"}),
                self.attempt(login, "gendan.statement", "action_refresh",
                             [statement_id]),
                self.attempt(login, "gendan.statement.line", "unlink", line_ids),
                self.attempt(login, "gendan.statement.line", "write", line_ids,
                             {"is_disputed": True, "dispute_reason": "forged"}),
                self.attempt(login, "gendan.statement.line", "create", {
                    "statement_id": statement_id, "amount": 1.0}),
            ]
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._row("gendan_statement", statement_id, columns), before)
        self.assertEqual(self.sql(
            "SELECT id, quantity, amount, is_disputed, dispute_reason "
            "FROM gendan_statement_line WHERE statement_id = %s ORDER BY id",
            (statement_id,)), lines)

    def test_statement_from_form_keeps_fields(self):
        """Finance creates a statement over XML-RPC as the form does: every
        field entered is stored, the figures come from the deliveries; no
        stamped copy is attached to the draft."""
        demo = self.call("admin", "gendan.statement", "search_read",
                         [("state", "=", "disputed")], ["partner_id", "date_from"],
                         limit=1)[0]
        start = datetime.datetime.strptime(demo["date_from"], "%Y-%m-%d").date()
        end = start + datetime.timedelta(days=9)
        vals = {"partner_id": demo["partner_id"][0], "statement_type": "customer",
                "date_from": str(start), "date_to": str(end),
                "user_id": self.login("finance"),
                "merchandiser_id": self.login("merchandiser"),
                "note": "Entered from the form over XML-RPC"}
        statement_id = self.call("finance", "gendan.statement", "create", vals)
        self.addCleanup(self.call, "admin", "gendan.statement", "unlink",
                        [statement_id])
        row = self.sql(
            "SELECT partner_id, statement_type, date_from::text, date_to::text, "
            "user_id, merchandiser_id, note, state FROM gendan_statement "
            "WHERE id = %s", (statement_id,))[0]
        self.assertEqual(row, (
            vals["partner_id"], "customer", vals["date_from"], vals["date_to"],
            vals["user_id"], vals["merchandiser_id"], vals["note"], "draft"))
        self.assertGreater(self.sql(
            "SELECT COUNT(*) FROM gendan_statement_line WHERE statement_id = %s",
            (statement_id,))[0][0], 0)
        # the partner's stamped copy comes back after the statement was sent
        for login in ("finance", "merchandiser"):
            self.assertRefused(login, "gendan.statement", "write", [statement_id],
                               {"stamped_copy": "c3RhbXA="})
        self.assertEqual(self.sql(
            "SELECT COUNT(*) FROM ir_attachment WHERE res_model = 'gendan.statement' "
            "AND res_id = %s AND res_field = 'stamped_copy'", (statement_id,))[0][0], 0)

    # -- loaded shipment (gendan_shipping) ---------------------------------------------

    def _loaded_shipment(self):
        """A shipment of a delivery without sales order (no payment gate),
        one sealed container, marked loaded by the warehouse."""
        stamp = str(int(time.time() * 1000))[-9:]
        product_id = self.call("admin", "product.product", "create", {
            "name": "RPC attack cargo %s" % stamp, "type": "consu",
            "carton_qty": 10, "carton_length": 50, "carton_width": 40,
            "carton_height": 30, "carton_gross_weight": 12,
            "carton_net_weight": 10})
        uom_id = self.call("admin", "product.product", "read", [product_id],
                           ["uom_id"])[0]["uom_id"][0]
        stock = self.xmlid("stock.stock_location_stock")
        customers = self.xmlid("stock.stock_location_customers")
        partner_id = self.call("admin", "res.partner", "create", {
            "name": "RPC attack consignee %s" % stamp, "is_company": True})
        picking_id = self.call("admin", "stock.picking", "create", {
            "partner_id": partner_id,
            "picking_type_id": self.xmlid("stock.picking_type_out"),
            "location_id": stock, "location_dest_id": customers,
            "move_lines": [(0, 0, {
                "name": "cargo", "product_id": product_id, "product_uom": uom_id,
                "product_uom_qty": 100, "location_id": stock,
                "location_dest_id": customers})]})
        self.call("admin", "stock.picking", "action_confirm", [picking_id])
        shipment_id = self.call("merchandiser", "gendan.shipment", "create", {
            "partner_id": partner_id, "picking_ids": [(6, 0, [picking_id])],
            "eta": (datetime.date.today() + datetime.timedelta(days=90)).isoformat()})
        container_vals = {
            "shipment_id": shipment_id,
            "container_type_id": self.xmlid("gendan_shipping.container_type_40hq"),
            "container_number": "TGHU1234567", "seal_number": "RPC%s" % stamp,
            "line_ids": [(0, 0, {"product_id": product_id, "quantity": 100})]}
        container_id = self.call("merchandiser", "gendan.shipment.container",
                                 "create", container_vals)
        self.call("fg_wh", "gendan.shipment", "action_mark_loaded", [shipment_id])
        self.addCleanup(self.call, "admin", "gendan.shipment", "action_cancel",
                        [shipment_id])
        return shipment_id, container_id, picking_id

    def test_loaded_shipment_locked(self):
        """A loaded shipment and its containers are not deleted, and its status
        and the finance-only balance confirmation are not written directly."""
        shipment_id, container_id, picking_id = self._loaded_shipment()
        columns = ("state, shipped_date, received_date, balance_confirmed, "
                   "balance_confirmed_by_id")
        before = self._row("gendan_shipment", shipment_id, columns)
        self.assertEqual(before[0][0], "loaded")
        cargo = self.sql("SELECT c.id, c.container_number, c.seal_number, l.id, "
                         "l.product_id, l.quantity FROM gendan_shipment_container c "
                         "JOIN gendan_shipment_container_line l "
                         "ON l.container_id = c.id WHERE c.shipment_id = %s "
                         "ORDER BY l.id", (shipment_id,))
        line_ids = [row[3] for row in cargo]
        picking = self._row("stock_picking", picking_id, "gendan_shipment_id, state")
        self.assertEqual(picking[0][0], shipment_id)
        breaches = []
        for login in LOGINS:
            uid = self.login(login)
            breaches += [
                self.attempt(login, "gendan.shipment", "unlink", [shipment_id]),
                self.attempt(login, "gendan.shipment.container", "unlink",
                             [container_id]),
                self.attempt(login, "gendan.shipment.container.line", "unlink",
                             line_ids),
                self.attempt(login, "gendan.shipment.container.line", "write",
                             line_ids, {"quantity": 1}),
                self.attempt(login, "gendan.shipment.container", "write",
                             [container_id], {"line_ids": [(5,)]}),
                self.attempt(login, "gendan.shipment", "write", [shipment_id],
                             {"picking_ids": [(5,)]}),
                self.attempt(login, "stock.picking", "write", [picking_id],
                             {"gendan_shipment_id": False}),
                self.attempt(login, "gendan.shipment", "write", [shipment_id],
                             {"state": "shipped"}),
                self.attempt(login, "gendan.shipment", "write", [shipment_id],
                             {"state": "done"}),
                self.attempt(login, "gendan.shipment", "action_ship", [shipment_id]),
                self.attempt(login, "gendan.shipment", "write", [shipment_id], {
                    "balance_confirmed": True, "balance_confirmed_by_id": uid}),
            ]
            if login != "finance":
                breaches.append(self.attempt(login, "gendan.shipment",
                                             "action_confirm_balance", [shipment_id]))
        self.assertNoBreach([b for b in breaches if b])
        self.assertEqual(self._row("gendan_shipment", shipment_id, columns), before)
        self.assertEqual(self.sql(
            "SELECT c.id, c.container_number, c.seal_number, l.id, l.product_id, "
            "l.quantity FROM gendan_shipment_container c "
            "JOIN gendan_shipment_container_line l ON l.container_id = c.id "
            "WHERE c.shipment_id = %s ORDER BY l.id", (shipment_id,)), cargo)
        self.assertEqual(self._row("stock_picking", picking_id,
                                   "gendan_shipment_id, state"), picking)
