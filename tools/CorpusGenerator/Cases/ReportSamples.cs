namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// Plausible figures and wording for each report: the values of its body fields, the workbook rows around
/// the required cells, and the title of its attached document.
/// </summary>
internal static class ReportSamples
{
    private static readonly Dictionary<string, string> FieldValues = new()
    {
        ["来电总量"] = "1,286", ["投诉量"] = "37", ["报修量"] = "412", ["咨询量"] = "598", ["回访量"] = "236",
        ["新增报修数"] = "186", ["完成维修数"] = "171", ["未完成维修数"] = "15", ["及时完成率"] = "96.8%",
        ["参观客户数"] = "326", ["客户问题数"] = "58", ["现场已解决数"] = "41", ["待跟进问题数"] = "17",
        ["参观客户总数"] = "612", ["客户问题总数"] = "103", ["已解决数"] = "88", ["客户满意度"] = "95.2%",
        ["模拟验收问题数"] = "1,245", ["已整改数"] = "1,068", ["未整改数"] = "177", ["整改完成率"] = "85.8%",
        ["应交付户数"] = "864", ["当日交付户数"] = "312", ["累计交付户数"] = "312", ["交付率"] = "36.1%",
        ["实际交付户数"] = "701",
        ["活动名称"] = "业主秋季亲子活动", ["活动时间"] = "14:00-17:00", ["参与客户数"] = "86户213人",
        ["客户反馈"] = "满意度调查回收问卷80份，非常满意71份，提出停车与绿化建议6条",
        ["客户姓名"] = "刘先生等12户业主", ["房号"] = "3栋2单元1802等", ["投诉内容"] = "地下车库B区顶板渗水，业主车辆被污染",
        ["责任部门"] = "工程管理部", ["处理进展"] = "已组织施工单位现场封堵，24小时内完成排查，明日反馈",
        ["投诉原因"] = "交付标准与宣传资料不一致", ["所需支持"] = "请集团设计管理部协助核对交付标准",
    };

    // Per report, a different value where a field is shared, so that a crossed table is noticed.
    private static readonly Dictionary<(string Report, string Field), string> Overrides = new()
    {
        [("callcenter-weekly", "来电总量")] = "8,954", [("callcenter-weekly", "投诉量")] = "241",
        [("callcenter-weekly", "报修量")] = "2,876", [("callcenter-weekly", "咨询量")] = "4,102",
        [("delivery-flash", "客户问题数")] = "89", [("delivery-daily", "客户问题数")] = "46",
        [("major-complaint", "客户姓名")] = "赵女士等约40户业主",
        [("major-complaint", "投诉内容")] = "业主聚集营销中心，投诉交付标准降低，要求书面答复",
        [("major-complaint", "处理进展")] = "城市公司总经理已到场沟通，明日10:00召开业主座谈会",
    };

    public static string Value(string report, string field) =>
        Overrides.TryGetValue((report, field), out var value) ? value
        : FieldValues.TryGetValue(field, out var common) ? common
        : throw new ArgumentException($"no sample value for {field}");

    /// <summary>Text-valued fields (complaints, activities) are laid out as 项目/内容 rather than 指标/数值.</summary>
    public static bool IsNarrative(string report) => report is "hot-complaint" or "major-complaint" or "customer-event-flash";

    public static object WorkbookValue(string label) => label switch
    {
        "来电总量" => 38562,
        "投诉量" => 1104,
        "报修量" => 12377,
        "新增报修数" => 812,
        "完成维修数" => 779,
        "及时完成率" => "95.9%",
        "投诉总量" => 146,
        "已关闭投诉数" => 131,
        "投诉关闭率" => "89.7%",
        "缺陷总数" => 327,
        "已整改数" => 296,
        "整改完成率" => "90.5%",
        "赔偿件数" => 14,
        "赔偿总金额" => 86500,
        _ => throw new ArgumentException($"no sample workbook value for {label}"),
    };

    /// <summary>The submitter role's job title, for the signature.</summary>
    public static string Title(string submitterRole) => submitterRole switch
    {
        "callcenter.duty" => "值班员",
        "callcenter.supervisor" => "呼叫中心主管",
        "property.warranty.head" => "房屋保修部负责人",
        "city.crm.info-officer" => "客关信息管理岗",
        "city.project.customer-manager" => "项目客户经理",
        "city.crm.manager" => "客户关系部经理",
        _ => "职员",
    };

    public static string Phone(string unitId) => unitId switch
    {
        "callcenter" => "400-822-8000 转 8012",
        "wy-cq-warranty" => "023-6318 2261",
        "wy-sc-warranty" => "028-8562 3317",
        "wy-hz-warranty" => "0731-8851 0426",
        "wy-hd-warranty" => "0512-6581 2290",
        "cq-crm" => "023-6789 1234",
        "cd-crm" => "028-8676 5502",
        "cs-crm" => "0731-8426 7781",
        "zz-crm" => "0371-6553 0918",
        "sz-crm" => "0512-6252 4470",
        "wx-crm" => "0510-8288 6613",
        "nj-crm" => "025-8476 3305",
        _ => "023-6000 0000",
    };
}
