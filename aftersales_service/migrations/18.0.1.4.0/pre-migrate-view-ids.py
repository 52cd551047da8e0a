from odoo.addons.aftersales_service.tools.xmlids import rename_xmlids

# Inherited view ids that say they inherit (issue 20): <model>_view_<type>_inherit_<feature>,
# <template id>_inherit_<feature> for QWeb templates. Old name -> new name.
VIEW_IDS = {
    "helpdesk_ticket_view_form": "helpdesk_ticket_view_form_inherit_aftersales",
    "helpdesk_ticket_view_list": "helpdesk_ticket_view_list_inherit_aftersales",
    "helpdesk_ticket_view_search": "helpdesk_ticket_view_search_inherit_aftersales",
    "helpdesk_ticket_deadline_view_form": "helpdesk_ticket_view_form_inherit_deadline",
    "helpdesk_ticket_deadline_view_list": "helpdesk_ticket_view_list_inherit_deadline",
    "helpdesk_ticket_deadline_view_search": "helpdesk_ticket_view_search_inherit_deadline",
    "helpdesk_ticket_stage_view_form": "helpdesk_ticket_stage_view_form_inherit_deadline",
    "helpdesk_ticket_stage_view_form_portal": "helpdesk_ticket_stage_view_form_inherit_portal",
    "helpdesk_ticket_view_form_repair": "helpdesk_ticket_view_form_inherit_repair",
    "helpdesk_ticket_view_form_dispatch": "helpdesk_ticket_view_form_inherit_dispatch",
    "helpdesk_ticket_view_form_customer_file": "helpdesk_ticket_view_form_inherit_customer_file",
    "helpdesk_ticket_view_form_service_report": "helpdesk_ticket_view_form_inherit_service_report",
    "helpdesk_ticket_worklist_view_list": "helpdesk_ticket_view_list_inherit_worklist",
    "helpdesk_ticket_worklist_view_kanban": "helpdesk_ticket_view_kanban_inherit_worklist",
    "helpdesk_ticket_team_view_form_aftersales": "helpdesk_ticket_team_view_form_inherit_worklist",
    "helpdesk_ticket_category_view_form_clocks": (
        "helpdesk_ticket_category_view_form_inherit_clocks"
    ),
    "helpdesk_ticket_category_view_list_clocks": (
        "helpdesk_ticket_category_view_list_inherit_clocks"
    ),
    "res_partner_view_form_aftersales_file": "res_partner_view_form_inherit_customer_file",
    "hr_job_view_form_aftersales_role": "hr_job_view_form_inherit_role",
    "hr_employee_view_form_aftersales_role": "hr_employee_view_form_inherit_role",
    "hr_employee_view_form_aftersales": "hr_employee_view_form_inherit_aftersales",
    "hr_employee_view_form_aftersales_statistics": "hr_employee_view_form_inherit_statistics",
    "product_category_view_form_aftersales": "product_category_view_form_inherit_aftersales",
    "hr_expense_sheet_view_form_aftersales": "hr_expense_sheet_view_form_inherit_aftersales",
    "product_template_view_form_aftersales": "product_template_view_form_inherit_aftersales",
    "product_template_view_search_aftersales": "product_template_view_search_inherit_aftersales",
    "purchase_request_view_form_aftersales": "purchase_request_view_form_inherit_aftersales",
    "repair_order_view_form": "repair_order_view_form_inherit_aftersales",
    "repair_order_view_list": "repair_order_view_list_inherit_aftersales",
    "sale_order_view_form_aftersales": "sale_order_view_form_inherit_aftersales",
    "stock_lot_view_form": "stock_lot_view_form_inherit_aftersales",
    "stock_picking_view_form_aftersales": "stock_picking_view_form_inherit_aftersales",
    "resource_calendar_view_form": "resource_calendar_view_form_inherit_aftersales",
    "res_config_settings_view_form": "res_config_settings_view_form_inherit_aftersales",
    "res_config_settings_deadline_view_form": "res_config_settings_view_form_inherit_deadline",
    "res_config_settings_view_form_repair": "res_config_settings_view_form_inherit_repair",
    "res_config_settings_view_form_dispatch": "res_config_settings_view_form_inherit_dispatch",
    "res_config_settings_view_form_input": "res_config_settings_view_form_inherit_input",
    "res_config_settings_view_form_statistics": "res_config_settings_view_form_inherit_statistics",
    "res_config_settings_view_form_visits": "res_config_settings_view_form_inherit_visits",
    "res_config_settings_view_form_complaints": "res_config_settings_view_form_inherit_complaints",
    "res_partner_view_form_visits": "res_partner_view_form_inherit_visits",
    "aftersales_project_view_form_archive": "aftersales_project_view_form_inherit_archive",
    "aftersales_project_view_form_dispatch": "aftersales_project_view_form_inherit_dispatch",
    "aftersales_project_view_form_visits": "aftersales_project_view_form_inherit_visits",
    "aftersales_service_report_view_form_satisfaction": (
        "aftersales_service_report_view_form_inherit_satisfaction"
    ),
    "aftersales_service_report_view_form_arrival": (
        "aftersales_service_report_view_form_inherit_arrival"
    ),
    "portal_my_home_aftersales": "portal_my_home_inherit_aftersales",
    "portal_breadcrumbs_aftersales": "portal_breadcrumbs_inherit_aftersales",
    "portal_my_home_aftersales_complaints": "portal_my_home_inherit_complaints",
    "portal_breadcrumbs_aftersales_complaints": "portal_breadcrumbs_inherit_complaints",
    "portal_my_aftersales_projects_complain": "portal_my_aftersales_projects_inherit_complaints",
    "portal_aftersales_report_rating_aspects": "portal_aftersales_report_inherit_rating_aspects",
    "portal_my_aftersales_project_archive": "portal_my_aftersales_project_inherit_archive",
    "portal_my_aftersales_project_visits": "portal_my_aftersales_project_inherit_visits",
    "portal_ticket_list_aftersales": "portal_ticket_list_inherit_aftersales",
    "portal_helpdesk_ticket_page_aftersales": "portal_helpdesk_ticket_page_inherit_aftersales",
    "portal_helpdesk_ticket_page_aftersales_fields": (
        "portal_helpdesk_ticket_page_inherit_aftersales_fields"
    ),
    "portal_ticket_new_button_aftersales": "portal_ticket_new_button_inherit_aftersales",
}


def migrate(cr, version):
    """Existing databases before 18.0.1.4.0: the views of aftersales_service that extend
    another view keep their records (and database ids) under their new xml ids."""
    rename_xmlids(cr, "aftersales_service", VIEW_IDS)
