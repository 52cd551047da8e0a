def migrate(cr, version):
    """R11 is an answer policy, not an on-site one (issue 15): a company on the old "flat"
    on-site policy answers any demand within its flat hours and has no on-site deadline."""
    cr.execute(
        """ALTER TABLE res_company
               ADD COLUMN IF NOT EXISTS aftersales_answer_policy varchar,
               ADD COLUMN IF NOT EXISTS aftersales_answer_flat_hours double precision"""
    )
    cr.execute(
        """UPDATE res_company
              SET aftersales_answer_policy = 'flat',
                  aftersales_answer_flat_hours = COALESCE(aftersales_onsite_flat_hours, 24),
                  aftersales_onsite_policy = 'none'
            WHERE aftersales_onsite_policy = 'flat'"""
    )
    cr.execute(
        """UPDATE res_company
              SET aftersales_answer_policy = COALESCE(aftersales_answer_policy, 'severity'),
                  aftersales_answer_flat_hours = COALESCE(aftersales_answer_flat_hours, 24)"""
    )
    # The settings view names the field the "flat" on-site policy had: emptied here, it is
    # loaded again from its file, so that its parent view validates during the upgrade.
    cr.execute(
        """UPDATE ir_ui_view v
              SET arch_db = jsonb_build_object('en_US', '<data/>')
             FROM ir_model_data d
            WHERE d.model = 'ir.ui.view' AND d.res_id = v.id AND d.module = 'aftersales_service'
              AND d.name = 'res_config_settings_deadline_view_form'"""
    )
