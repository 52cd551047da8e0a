from odoo.addons.aftersales_service.tools.xmlids import rename_xmlids

# Inherited view ids that say they inherit (issue 20): <model>_view_<type>_inherit_<feature>,
# <template id>_inherit_<feature> for QWeb templates. Old name -> new name.
VIEW_IDS = {
    "report_customer_file_document_retention": "report_customer_file_document_inherit_retention",
    "view_move_form_aftersales": "account_move_view_form_inherit_collection",
    "view_account_invoice_filter_aftersales": "account_move_view_search_inherit_collection",
    "portal_my_aftersales_project_retention": "portal_my_aftersales_project_inherit_retention",
    "aftersales_project_view_form_collection": "aftersales_project_view_form_inherit_collection",
    "aftersales_project_view_search_collection": (
        "aftersales_project_view_search_inherit_collection"
    ),
    "helpdesk_ticket_view_form_collection": "helpdesk_ticket_view_form_inherit_collection",
    "res_config_settings_view_form_collection": "res_config_settings_view_form_inherit_collection",
}


def migrate(cr, version):
    """Existing databases before 18.0.1.3.0: the views of aftersales_collection that extend
    another view keep their records (and database ids) under their new xml ids."""
    rename_xmlids(cr, "aftersales_collection", VIEW_IDS)
