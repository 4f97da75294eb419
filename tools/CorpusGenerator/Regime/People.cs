namespace MailOps.CorpusGenerator.Regime;

/// <summary>
/// Chinese display names for the sample directory's fictitious addresses: people by their pinyin local part,
/// distribution lists by company and list name. An address without a known name is written bare.
/// </summary>
internal static class People
{
    private static readonly Dictionary<string, string> Persons = new(StringComparer.OrdinalIgnoreCase)
    {
        // Submitters.
        ["chen.xue"] = "陈雪", ["li.mengmeng"] = "李萌萌", ["wang.fang"] = "王芳", ["yin.hai"] = "尹海",
        ["lian.jie"] = "连杰", ["wan.li"] = "万里", ["bao.hong"] = "鲍红", ["yang.xue"] = "杨雪",
        ["wu.tingting"] = "吴婷婷", ["ma.chao"] = "马超", ["cao.yu"] = "曹宇", ["yuan.shan"] = "袁珊",
        ["lu.qian"] = "卢倩", ["zou.pei"] = "邹佩", ["qiu.min"] = "邱敏", ["ding.ning"] = "丁宁",
        ["gao.yang"] = "高阳", ["zhu.yi"] = "朱怡", ["ye.xin"] = "叶欣", ["kong.wen"] = "孔文",
        ["bai.lu"] = "白露", ["mao.jun"] = "毛俊", ["qin.shu"] = "秦书", ["xue.lan"] = "薛兰", ["jia.rong"] = "贾蓉",
        // Group and real-estate people.
        ["zhou.min"] = "周敏", ["tang.jianguo"] = "唐建国", ["he.zhiqiang"] = "何志强", ["luo.yifan"] = "罗一帆",
        ["xie.wenjing"] = "谢文静", ["song.haitao"] = "宋海涛", ["jiang.dechang"] = "蒋德昌",
        // City companies.
        ["liu.yong"] = "刘勇", ["zhang.wei"] = "张伟", ["chen.gang"] = "陈刚", ["wang.lei"] = "王磊", ["li.qiang"] = "李强",
        ["zhao.jing"] = "赵静", ["huang.li"] = "黄丽", ["deng.hui"] = "邓辉", ["lin.fang"] = "林芳", ["peng.bo"] = "彭博",
        ["xu.ming"] = "徐明", ["guo.feng"] = "郭峰", ["hu.yan"] = "胡燕", ["zheng.hong"] = "郑红", ["xiao.jun"] = "肖军",
        ["tian.rui"] = "田瑞", ["pan.dong"] = "潘东", ["du.kai"] = "杜凯", ["jiang.tao"] = "蒋涛", ["fan.lu"] = "范璐",
        ["shi.xiaoyan"] = "石晓燕", ["song.jian"] = "宋健", ["han.mei"] = "韩梅", ["feng.lin"] = "冯林", ["cheng.hao"] = "程浩",
        ["cai.peng"] = "蔡鹏", ["jin.yue"] = "金悦", ["wei.na"] = "魏娜", ["gu.weimin"] = "顾伟民", ["shen.jia"] = "沈佳",
        ["lu.hao"] = "陆浩", ["qian.cheng"] = "钱程", ["sun.bin"] = "孙斌", ["yao.li"] = "姚丽", ["fu.qing"] = "傅清",
        ["hua.guoqing"] = "华国庆", ["yu.ting"] = "俞婷", ["xu.feng"] = "许峰", ["zhou.kai"] = "周凯", ["chen.liang"] = "陈亮",
        ["wang.yu"] = "王宇", ["ren.jie"] = "任杰", ["ge.zhiyuan"] = "葛志远", ["tao.ran"] = "陶然", ["sheng.wei"] = "盛伟",
        ["dai.lei"] = "戴磊", ["fang.zheng"] = "方正", ["lei.ming"] = "雷鸣", ["ni.hong"] = "倪红",
        // Property companies.
        ["luo.jianhua"] = "罗建华", ["zeng.li"] = "曾丽", ["mo.xiaodong"] = "莫晓东", ["xiang.zhenghua"] = "向正华",
        ["kang.ping"] = "康平", ["lai.yuqing"] = "赖雨晴", ["you.yang"] = "游洋", ["wen.bing"] = "文兵",
        ["liao.fei"] = "廖飞", ["rao.shuang"] = "饶爽", ["hou.xiang"] = "侯翔", ["qi.wen"] = "齐文",
        ["shao.qun"] = "邵群", ["jin.haiyan"] = "金海燕", ["chu.liang"] = "褚亮", ["ling.feng"] = "凌峰",
    };

    private static readonly Dictionary<string, string> Companies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hq"] = "集团", ["realestate"] = "地产公司", ["callcenter"] = "集团呼叫中心",
        ["cq"] = "重庆公司", ["cd"] = "成都公司", ["cs"] = "长沙公司", ["zz"] = "郑州公司",
        ["sz"] = "苏州公司", ["wx"] = "无锡公司", ["nj"] = "南京公司",
        ["wy-cq"] = "重庆物业", ["wy-sc"] = "四川物业", ["wy-hz"] = "华中物业", ["wy-hd"] = "华东物业",
    };

    private static readonly Dictionary<string, string> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs-dl"] = "客户服务部", ["cs-all"] = "客户服务部全体", ["management"] = "管理层", ["dept-gms"] = "总部部门总经理",
        ["engineering"] = "工程管理部", ["design"] = "设计管理部", ["marketing"] = "营销管理部", ["operations"] = "运营管理部",
        ["procurement"] = "工程采购部", ["cost"] = "成本管理部", ["related-depts"] = "相关部门",
        ["gm-office"] = "总经办", ["all"] = "全体员工", ["dept-heads"] = "各部门负责人", ["crm"] = "客户关系部",
        ["hr-admin"] = "人力行政部", ["finance"] = "财务管理部", ["responsible-dept"] = "责任部门",
        ["butler-center"] = "管家中心", ["sales-venue"] = "案场管理部", ["callcenter"] = "值班邮箱",
    };

    /// <summary>The display name for an address of the sample directory, or null.</summary>
    public static string? NameOf(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = address[..at];
        if (Persons.TryGetValue(local, out var person))
        {
            return person;
        }

        var company = address[(at + 1)..].Split('.')[0];
        return Companies.TryGetValue(company, out var prefix) && Lists.TryGetValue(local, out var list) ? prefix + list : null;
    }
}
