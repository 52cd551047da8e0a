def migrate(cr, version):
    """Each addon owns its data (issue 20): the archive category B5 (Hazard Briefings) is
    aftersales_hazard's now. Its record and its id stay; only the module of its xml id moves, so
    that aftersales_hazard's data file finds it (noupdate: not created again). Where
    aftersales_hazard is not installed, the category stays as it is."""
    cr.execute(
        """UPDATE ir_model_data d
              SET module = 'aftersales_hazard'
            WHERE d.module = 'aftersales_service' AND d.name = 'archive_category_b5'
              AND EXISTS (SELECT 1 FROM ir_module_module m
                           WHERE m.name = 'aftersales_hazard'
                             AND m.state IN ('installed', 'to upgrade'))
              AND NOT EXISTS (SELECT 1 FROM ir_model_data o
                               WHERE o.module = 'aftersales_hazard'
                                 AND o.name = 'archive_category_b5')"""
    )
