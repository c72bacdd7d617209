from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ShowroomCase


class TestMachine(ShowroomCase):

    def test_statuses_move_by_buttons_only(self):
        """Take out needs who takes it; each move is a register line; the
        status and the dates cannot be written directly."""
        machine = self._in_showroom("RL-T1")
        self.assertEqual(machine.state, "showroom")
        with self.assertRaises(UserError):
            machine.action_take_out()
        machine.holder = "Salesperson Li, Canton Fair"
        machine.action_take_out()
        self.assertEqual(machine.state, "out")
        machine.action_bring_back()
        self.assertEqual((machine.state, machine.holder), ("showroom", False))
        self.assertEqual(machine.register_line_ids.mapped("direction"),
                         ["in", "out", "in"])
        for vals in ({"state": "withdrawn"}, {"date_out": "2030-01-01"}):
            with self.assertRaises(UserError):
                machine.write(vals)
        with self.assertRaises(UserError):
            self._machine("RL-T1b", date_in="2030-01-01")
        self.assertEqual(machine.state, "showroom")

    def test_other_departments_read_only(self):
        """Production and finance read the machines, change nothing."""
        machine = self._in_showroom("RL-T2")
        for user in (self.production, self.finance):
            self.assertTrue(machine.sudo(user).read(["state"]))
            with self.assertRaises(AccessError):
                machine.sudo(user).action_report_broken()
            with self.assertRaises(AccessError):
                machine.sudo(user).write({"location": "Warehouse"})
            with self.assertRaises(AccessError):
                self.Machine.sudo(user).create({"product_id": self.product.id})
        self.assertEqual(machine.state, "showroom")

    def test_broken_opens_maintenance_request(self):
        """A broken machine gets a core equipment and a corrective request."""
        machine = self._in_showroom("RL-T3")
        machine.action_report_broken(fault="No light")
        self.assertEqual(machine.state, "broken")
        request = machine.sudo().maintenance_ids
        self.assertEqual(len(request), 1)
        self.assertEqual(request.equipment_id, machine.sudo().equipment_id)
        self.assertEqual(request.equipment_id.serial_no, "RL-T3")
        self.assertEqual((request.maintenance_type, request.description),
                         ("corrective", "No light"))
        # the merchandiser follows the request and reads it
        self.assertTrue(request.sudo(self.merchandiser).read(["name"]))
        machine.action_repaired()
        self.assertEqual(machine.state, "showroom")

    def test_negative_value_refused(self):
        """A negative book value is refused."""
        with self.assertRaises(ValidationError):
            self._machine("RL-T4", value=-1.0)

    def test_registered_machine_not_deleted(self):
        """A machine on the register cannot be deleted."""
        machine = self._in_showroom("RL-T5")
        with self.assertRaises(UserError):
            machine.unlink()
