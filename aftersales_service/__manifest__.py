# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-sales Service",
    "summary": "After-sales for engineering and equipment companies: project files, "
    "service requests with regulated deadlines, repairs, parts and dispatch",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "LGPL-3",
    "author": "After-sales Service Team",
    "website": "https://github.com/aftersales/aftersales",
    "depends": [
        "mail",
        "portal",
        "resource",
        "stock",
        "repair",
        "sale_management",
        "helpdesk_mgmt",
        "purchase_request",
        "hr_expense",
        "hr_expense_advance_clearing",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/aftersales_project_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/stock_lot_views.xml",
        "views/res_config_settings_views.xml",
        "views/aftersales_menus.xml",
    ],
    "demo": [
        "demo/aftersales_demo.xml",
    ],
    "application": True,
    "installable": True,
}
