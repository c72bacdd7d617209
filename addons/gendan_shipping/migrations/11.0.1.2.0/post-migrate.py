"""A shipment charge's vendor bill lines are now the lines pointing to it
(one per analytic account of the shipment's orders): the line of each charge
billed before points to its charge; the old column goes."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'gendan_shipment_charge'
           AND column_name = 'invoice_line_id'""")
    if not cr.fetchone():
        return
    cr.execute("""
        UPDATE account_invoice_line l SET gendan_charge_id = c.id
          FROM gendan_shipment_charge c
         WHERE c.invoice_line_id = l.id AND l.gendan_charge_id IS NULL""")
    cr.execute("ALTER TABLE gendan_shipment_charge DROP COLUMN invoice_line_id")
