from odoo.tools.safe_eval import safe_eval

from .common import TASK_SIGNERS, ProductionCase


class TestTodos(ProductionCase):
    """People are told with Odoo to-dos, seen on their "My work" screen."""

    def _my_work(self, user):
        """What the user's home action lists, searched as that user."""
        action = self.env.ref("gendan_base.action_gendan_my_work")
        domain = safe_eval(action.domain, {"uid": user.id})
        return self.env["mail.activity"].sudo(user).search(domain)

    def _todo_users(self, record, key):
        return self.env["mail.activity"]._todo_open(record, key).mapped("user_id")

    def test_signers_get_and_close_todos(self):
        """Each due signer has a to-do, closed when they sign; the next ones
        then get theirs; nothing is left once approved."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(self._todo_users(task, "signoff"), self.user_salesperson)
        todo = self._my_work(self.user_salesperson).filtered(
            lambda act: act.res_id == task.id and act.res_model == task._name)
        self.assertEqual(todo.summary, "Sign %s" % task.name)
        self.assertEqual(todo.date_deadline, task._signoff_deadline())
        self.assertFalse(self._my_work(self.user_sales_manager).filtered(
            lambda act: act.res_id == task.id and act.res_model == task._name))
        task.sudo(self.user_salesperson).action_signoff_sign()
        self.assertFalse(self._my_work(self.user_salesperson).filtered(
            lambda act: act.res_id == task.id and act.res_model == task._name))
        self.assertIn(self.user_sales_manager, self._todo_users(task, "signoff"))
        self.assertNotIn(self.user_general_manager, self._todo_users(task, "signoff"))
        for login in TASK_SIGNERS[1:]:
            self.assertIn(self.users[login], self._todo_users(task, "signoff"), login)
            task.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(task.state, "approved")
        self.assertFalse(self._todo_users(task, "signoff"))

    def test_reject_and_cancel_remove_todos(self):
        """A rejection or a cancelled request leaves nobody a sign to-do."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        task.sudo(self.user_salesperson).action_signoff_reject("Wrong quantity")
        self.assertFalse(self._todo_users(task, "signoff"))
        other = self._create_task_order(order=self._create_confirmed_order())
        other.sudo(self.user_merchandiser).action_signoff_request()
        self.assertTrue(self._todo_users(other, "signoff"))
        other.sudo(self.user_merchandiser).action_cancel()
        self.assertFalse(self._todo_users(other, "signoff"))

    def test_copy_holders_get_and_close_todos(self):
        """Each copy holder of a distributed task order has an "acknowledge"
        to-do, closed when they acknowledge; a new revision replaces them."""
        task = self._approve(self._create_task_order())
        holders = self._todo_users(task, "copy")
        for login in ("documents_clerk", "salesperson", "engineer", "purchaser",
                      "production", "qa", "packing_wh", "electronic_wh", "fg_wh",
                      "finance"):
            self.assertIn(self.users[login], holders, login)
        self.assertNotIn(self.user_merchandiser, holders)
        # the general manager is no recipient: a superior does not take the
        # sales manager's or salesperson's copy
        self.assertNotIn(self.user_general_manager, holders)
        self.assertFalse(
            task.sudo(self.user_general_manager).distribution_can_acknowledge)
        task.sudo(self.user_production).action_distribution_acknowledge()
        self.assertNotIn(self.user_production, self._todo_users(task, "copy"))
        self.assertFalse(self._my_work(self.user_production).filtered(
            lambda act: act.res_id == task.id and act.res_model == task._name))
        task.sudo(self.user_merchandiser).write({"date_deadline": "2031-01-15"})
        self.assertFalse(self._todo_users(task, "copy"))  # old copies recalled
        for login in TASK_SIGNERS:
            task.sudo(self.users[login]).action_signoff_sign()
        self.assertIn(self.user_production, self._todo_users(task, "copy"))

    def test_bom_copy_todos(self):
        """The controlled BOM's recipients are told; acknowledging closes."""
        holders = self._todo_users(self.bom, "copy")
        self.assertIn(self.user_fg_wh, holders)
        self.assertIn(self.user_finance, holders)
        self.bom.sudo(self.user_finance).action_distribution_acknowledge()
        self.assertNotIn(self.user_finance, self._todo_users(self.bom, "copy"))

    def test_my_work_shows_only_mine_and_opens_document(self):
        """"My work" lists the user's own to-dos; Open shows the document."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        mine = self._my_work(self.user_salesperson)
        self.assertTrue(mine)
        self.assertEqual(mine.mapped("user_id"), self.user_salesperson)
        todo = mine.filtered(lambda act: act.res_id == task.id
                             and act.res_model == task._name)
        action = todo.action_gendan_open_document()
        self.assertEqual((action["res_model"], action["res_id"]),
                         (task._name, task.id))
        self.assertEqual(task.sudo(self.user_salesperson).browse(
            action["res_id"]).name, task.name)

    def test_new_gendan_user_home_and_inbox(self):
        """A new Gendan user starts on "My work" and is told in the inbox."""
        user = self._create_user("t_new_qa", ["gendan_base.group_qa"])
        self.assertEqual(user.action_id.id,
                         self.env.ref("gendan_base.action_gendan_my_work").id)
        self.assertEqual(user.notification_type, "inbox")
        demo = self.env.ref("gendan_base.user_merchandiser_demo")
        self.assertEqual(demo.notification_type, "inbox")
        self.assertEqual(demo.action_id.id,
                         self.env.ref("gendan_base.action_gendan_my_work").id)

    def test_waiting_for_me_counts_todos_on_the_orders_documents(self):
        """The merchandiser's "Waiting for Me" finds the order of a to-do
        they hold on its task order (e.g. parts at risk), and only then."""
        order = self._create_confirmed_order()
        task = self._create_task_order(order=order)
        Order = self.env["sale.order"].sudo(self.user_merchandiser)
        waiting = [("cockpit_waiting_me", "=", True)]
        self.assertNotIn(order, Order.search(waiting))
        self.env["mail.activity"]._todo_ensure(
            task, "parts", self.user_merchandiser, "Parts at risk")
        self.assertIn(order, Order.search(waiting))
        self.assertNotIn(order, self.env["sale.order"].sudo(
            self.user_finance).search(waiting))
        self.env["mail.activity"]._todo_done(task, "parts")
        self.assertNotIn(order, Order.search(waiting))
