"""The shipment's container_line_ids is now loaded_line_ids: its external id
(field_gendan_shipment_container_line_ids) had pushed the container's
line_ids to an id with a database-specific suffix that no translation file
can name. Rename the field and give both their stable external ids."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE ir_model_fields SET name = 'loaded_line_ids'
         WHERE model = 'gendan.shipment' AND name = 'container_line_ids'""")
    cr.execute("""
        UPDATE ir_model_data SET name = 'field_gendan_shipment_loaded_line_ids'
         WHERE module = 'gendan_shipping' AND model = 'ir.model.fields'
           AND name = 'field_gendan_shipment_container_line_ids'""")
    cr.execute("""
        UPDATE ir_model_data SET name = 'field_gendan_shipment_container_line_ids'
         WHERE module = 'gendan_shipping' AND model = 'ir.model.fields'
           AND name LIKE 'field\\_gendan\\_shipment\\_container\\_line\\_ids\\_%'""")
