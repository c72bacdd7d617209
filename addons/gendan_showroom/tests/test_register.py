from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.tests.common import pdf_text_layer, render_pdf

from .common import ShowroomCase


class TestRegister(ShowroomCase):

    def test_machines_move_only_when_both_signed(self):
        """Added machines enter the showroom once merchandiser and finance
        have both signed, in either order; not before."""
        machines = self._machine("RL-R1") | self._machine("RL-R2", value=80.0)
        register = self._register(machines)
        self.assertEqual(register.amount_added, 200.0)
        register.action_submit()
        self.assertEqual((register.state, register.signoff_progress),
                         ("to_sign", "0/2"))
        register.sudo(self.finance).action_signoff_sign()
        self.assertEqual(set(machines.mapped("state")), {"draft"})
        with self.assertRaises(UserError):  # finance signs once
            register.sudo(self.finance).action_signoff_sign()
        with self.assertRaises(UserError):  # the gate of the sign-off engine
            register.line_ids._apply(register.date)
        self.assertEqual(set(machines.mapped("state")), {"draft"})
        register.action_signoff_sign()
        self.assertEqual((register.state, register.signoff_state), ("done", "approved"))
        self.assertEqual(set(machines.mapped("state")), {"showroom"})
        self.assertEqual(machines.mapped("date_in"), [register.date] * 2)

    def test_withdraw(self):
        """A withdrawn machine leaves the register with its date out."""
        machine = self._in_showroom("RL-R3")
        register = self._signed(self._register(machine, "withdraw"))
        self.assertEqual(register.amount_withdrawn, 120.0)
        self.assertEqual((machine.state, machine.date_out),
                         ("withdrawn", register.date))
        self.assertEqual(machine.register_line_ids.sorted("id")[-1:].direction, "out")

    def test_guards(self):
        """Unsigned forms cannot be registered, lines are frozen once sent,
        wrong lines are refused; a rejection goes back to draft."""
        machine = self._machine("RL-R4")
        with self.assertRaises(UserError):  # not on the register yet
            self._register(machine, "withdraw").action_submit()
        with self.assertRaises(UserError):  # nothing to register
            self.Register.sudo(self.merchandiser).create({}).action_submit()
        with self.assertRaises(ValidationError):
            self._register(machine).line_ids.write({"value": -5.0})
        register = self._register(machine)
        register.action_submit()
        for vals in ({"state": "done"}, {"signoff_state": "approved"}):
            with self.assertRaises((UserError, AccessError)):
                register.write(vals)
        with self.assertRaises(UserError):
            register.line_ids.write({"value": 1.0})
        register.sudo(self.finance).action_signoff_reject("Value too high")
        self.assertEqual((register.state, machine.state), ("draft", "draft"))
        register.line_ids.write({"value": 99.0})
        self.assertEqual(machine.value, 120.0)

    def test_roles(self):
        """Production may not sign nor create forms; finance only signs."""
        register = self._register(self._machine("RL-R5"))
        register.action_submit()
        with self.assertRaises(UserError):
            register.sudo(self.production).action_signoff_sign()
        with self.assertRaises(AccessError):
            self.Register.sudo(self.production).create({})
        with self.assertRaises(AccessError):
            register.sudo(self.finance).action_cancel()
        self.assertEqual(register.signoff_progress, "0/2")

    def test_pdf(self):
        """The 财产登记表 prints in Chinese with lines, totals and both
        signatures."""
        machine = self._machine("RL-R6", value=345.5)
        register = self._signed(self._register(machine))
        text = pdf_text_layer(render_pdf(self.env.ref(
            "gendan_showroom.action_report_showroom_register"), register.ids))
        for expected in ("财产登记表", register.name, machine.name, "RL-R6", "345.50",
                         "新增机型", "跟单员", "财务部",
                         self.merchandiser.name, self.finance.name):
            self.assertIn(expected, text)
        self.assertNotIn("不生效", text)
