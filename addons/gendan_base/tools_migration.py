"""Upgrade helpers for the ``noupdate`` defaults of the Gendan modules.

A default (sign-off rule, distribution list line) that the Gendan
administrator never changed takes the new default on upgrade; one they
changed is kept.
"""


def adopt_unchanged_defaults(env, module, defaults):
    """Write the new default values ``{xml name: vals}`` on the records of
    ``module`` that were never written since they were created (Odoo skips
    existing records of a ``noupdate`` data file on upgrade)."""
    for name, vals in defaults.items():
        record = env.ref("%s.%s" % (module, name), raise_if_not_found=False)
        if record and record.write_date[:19] == record.create_date[:19]:
            record.write(vals)


def list_unchanged(cr, module, list_id, old_names):
    """Whether a distribution list is as installed: its lines are exactly the
    old default lines ``old_names``, none of them written since."""
    cr.execute("""
        SELECT line.id, imd.name,
               date_trunc('second', line.write_date)
               = date_trunc('second', line.create_date)
          FROM gendan_distribution_list_line line
          LEFT JOIN ir_model_data imd
            ON imd.model = 'gendan.distribution.list.line'
           AND imd.res_id = line.id AND imd.module = %s
         WHERE line.list_id = %s
    """, (module, list_id))
    rows = cr.fetchall()
    return (sorted(row[1] or "" for row in rows) == sorted(old_names)
            and all(row[2] for row in rows))


def skip_new_lines(cr, module, list_xml_name, old_names, line_names):
    """When the administrator changed the list ``list_xml_name`` (its lines
    are not the old defaults ``old_names`` as installed), the new default
    lines ``line_names`` are not added to it: record them as known (and
    deliberately absent) so that the data file skips them."""
    cr.execute("SELECT res_id FROM ir_model_data WHERE module = %s AND name = %s",
               (module, list_xml_name))
    row = cr.fetchone()
    if not row or list_unchanged(cr, module, row[0], old_names):
        return
    for name in line_names:
        cr.execute("""
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate,
                                       date_init, date_update)
            SELECT %s, %s, 'gendan.distribution.list.line', NULL, TRUE,
                   now() at time zone 'UTC', now() at time zone 'UTC'
             WHERE NOT EXISTS (SELECT 1 FROM ir_model_data
                                WHERE module = %s AND name = %s)
        """, (module, name, module, name))


def drop_field_translations(cr, fields, src=None):
    """Delete the translations of the label and help of ``fields`` (pairs
    ``(model, name)``; model None: that field name on every model), only
    those of the source text ``src`` when given: ``-u`` keeps an existing
    translation, so a relabelled field would keep its old one; the module's
    po file loads the new one after the migration."""
    for model, name in fields:
        query = """
            DELETE FROM ir_translation t
             USING ir_model_fields f
             WHERE t.name IN ('ir.model.fields,field_description',
                              'ir.model.fields,help')
               AND t.type = 'model' AND t.res_id = f.id AND f.name = %s"""
        params = [name]
        if model:
            query += " AND f.model = %s"
            params.append(model)
        if src:
            query += " AND t.src = %s"
            params.append(src)
        cr.execute(query, params)
