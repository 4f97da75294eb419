using MailOps.Compliance.Common;

namespace MailOps.Compliance.Organisation;

/// <summary>The people's names of the role keys (report-matrix.md's vocabulary), for findings people read.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        ["group.cs"] = new("集团客户服务部", "group customer service"),
        ["group.cs.all"] = new("集团客户服务部全体", "all of group customer service"),
        ["group.cs.gm"] = new("集团客户服务部总经理", "GM of group customer service"),
        ["group.management"] = new("集团管理层", "group management"),
        ["group.dept-gms"] = new("总部部门总经理", "headquarters department GMs"),
        ["group.engineering"] = new("集团工程管理部", "group engineering"),
        ["group.engineering.gm"] = new("集团工程管理部总经理", "GM of group engineering"),
        ["group.design"] = new("集团设计管理部", "group design"),
        ["group.design.gm"] = new("集团设计管理部总经理", "GM of group design"),
        ["group.marketing"] = new("集团营销管理部", "group marketing"),
        ["group.marketing.gm"] = new("集团营销管理部总经理", "GM of group marketing"),
        ["group.operations"] = new("集团运营管理部", "group operations"),
        ["group.operations.gm"] = new("集团运营部总经理", "GM of group operations"),
        ["group.procurement"] = new("集团工程采购部", "group procurement"),
        ["group.cost"] = new("集团成本管理部", "group cost management"),
        ["group.related-depts"] = new("集团相关部门", "related group departments"),
        ["realestate.gm"] = new("地产公司总经理", "real-estate company GM"),
        ["city.gm"] = new("城市公司总经理", "city company GM"),
        ["city.gm-office"] = new("总经办成员", "GM's office"),
        ["city.all"] = new("所在公司全员", "all of the city company"),
        ["city.dept-heads"] = new("各部门负责人", "department heads"),
        ["city.crm"] = new("客户关系部", "customer relations"),
        ["city.crm.manager"] = new("客户关系部经理", "customer relations manager"),
        ["city.marketing"] = new("营销管理部", "marketing"),
        ["city.design"] = new("设计管理部", "design"),
        ["city.engineering"] = new("工程管理部", "engineering"),
        ["city.engineering.lead"] = new("工程负责人", "engineering lead"),
        ["city.project.lead"] = new("项目负责人", "project lead"),
        ["city.warranty.supervisor"] = new("保修主管", "warranty supervisor"),
        ["city.operations"] = new("运营管理部", "operations"),
        ["city.operations.manager"] = new("运营管理部经理", "operations manager"),
        ["city.hr-admin"] = new("人力行政部", "HR and administration"),
        ["city.hr-admin.manager"] = new("人力行政部经理", "HR and administration manager"),
        ["city.finance"] = new("财务管理部", "finance"),
        ["city.procurement"] = new("工程采购部", "procurement"),
        ["city.cost"] = new("成本管理部", "cost management"),
        ["city.responsible-dept"] = new("责任部门", "the responsible department"),
        ["city.related-depts"] = new("相关部门", "related departments"),
        ["property.butler-center"] = new("物业管家中心", "property butler center"),
        ["property.project.lead"] = new("物业项目负责人", "property project lead"),
        ["property.project.manager"] = new("物业项目经理", "property project manager"),
        ["property.chair-gm"] = new("物业公司董事长和总经理", "property company chair and GM"),
        ["property.management"] = new("物业管理层", "property management"),
        ["property.engineering"] = new("物业工程管理部", "property engineering"),
        ["property.sales-venue"] = new("物业案场管理部", "property sales-venue management"),
        ["property.all"] = new("物业全体", "all of the property company"),
    };

    /// <summary>The role's name, or the key itself for a role a deployment added.</summary>
    public static LocalizedText Of(string role) => Names.TryGetValue(role, out var name) ? name : new LocalizedText(role, role);
}
