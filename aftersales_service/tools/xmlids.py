"""Renaming xml ids in a migration without losing their records."""


def rename_xmlids(cr, module, mapping, model="ir.ui.view"):
    """Renames the `ir_model_data` rows (module, old name) to (module, new name) for every
    ``old: new`` of `mapping`, so that the records keep their database ids (a view of the
    customer's inheriting ours, its translations, menus and actions pointing at it stay attached)
    and the module's data files find them under the new names on upgrade. A row whose new name
    already exists is left alone. Returns the number of rows renamed."""
    cr.execute(
        """UPDATE ir_model_data d
              SET name = m.new
             FROM unnest(%s::varchar[], %s::varchar[]) AS m(old, new)
            WHERE d.module = %s AND d.model = %s AND d.name = m.old
              AND NOT EXISTS (SELECT 1 FROM ir_model_data o
                               WHERE o.module = d.module AND o.name = m.new)""",
        [list(mapping), list(mapping.values()), module, model],
    )
    return cr.rowcount
