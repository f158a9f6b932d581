import type { Role } from "@/generated/prisma/client";

export const DEMO_DEPARTMENTS = [
  { code: "NK", name: "内科学教研室", nameEn: "Department of Internal Medicine" },
  { code: "WK", name: "外科学教研室", nameEn: "Department of Surgery" },
  { code: "BL", name: "病理学教研室", nameEn: "Department of Pathology" },
] as const;

type DeptCode = (typeof DEMO_DEPARTMENTS)[number]["code"];

export const DEMO_STAFF: { no: string; name: string; role: Role; dept?: DeptCode }[] = [
  { no: "admin", name: "系统管理员", role: "ADMIN" },
  { no: "d1001", name: "周建国", role: "DEPT_ADMIN", dept: "NK" },
  { no: "d1002", name: "郑文华", role: "DEPT_ADMIN", dept: "WK" },
  { no: "d1003", name: "孙丽萍", role: "DEPT_ADMIN", dept: "BL" },
  { no: "t2001", name: "李慧敏", role: "TEACHER", dept: "NK" },
  { no: "t2002", name: "张海涛", role: "TEACHER", dept: "NK" },
  { no: "t2003", name: "王志强", role: "TEACHER", dept: "WK" },
  { no: "t2004", name: "刘晓燕", role: "TEACHER", dept: "WK" },
  { no: "t2005", name: "赵明远", role: "TEACHER", dept: "BL" },
  { no: "t2006", name: "黄雅琴", role: "TEACHER", dept: "BL" },
];

export interface DemoCourse {
  code: string;
  title: string;
  titleEn: string;
  dept: DeptCode;
  /** Staff numbers: the first teaches, the others assist. */
  teachers: string[];
  classes: number[];
  credits: number;
  /** 0 = Monday */
  weekday: number;
  time: [string, string];
  room: string;
  textbook: string;
  description: string;
  objectives: string[];
  assessment: [name: string, weight: number, description: string][];
  lessons: string[];
}

const BLENDED_SCHEME: DemoCourse["assessment"] = [
  ["课前预习与反馈", 10, "完成课前材料阅读与反馈问卷"],
  ["课堂参与", 15, "签到、课堂讨论与投票"],
  ["课后测验", 15, "每次课后的在线测验"],
  ["作业与同伴互评", 20, "病例分析作业及互评"],
  ["期末考试", 40, "闭卷笔试"],
];

export const DEMO_COURSES: DemoCourse[] = [
  {
    code: "MED2101",
    title: "诊断学",
    titleEn: "Diagnostics",
    dept: "NK",
    teachers: ["t2001", "t2002"],
    classes: [1, 2],
    credits: 4,
    weekday: 0,
    time: ["08:00", "09:40"],
    room: "临床技能中心 201",
    textbook: "《诊断学》第10版，人民卫生出版社",
    description: "诊断学是连接基础医学与临床医学的桥梁课程，系统讲授问诊、体格检查、实验室检查与辅助检查的基本理论和技能，培养学生的临床思维。",
    objectives: [
      "掌握系统问诊的内容与技巧，能够独立完成完整病史采集",
      "掌握全身体格检查的规范手法与正常、异常体征的临床意义",
      "熟悉常用实验室检查的适应证与结果判读",
      "能够书写规范的住院病历，初步建立临床诊断思维",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "绪论与问诊概述", "常见症状：发热", "常见症状：胸痛与呼吸困难", "常见症状：腹痛", "问诊的方法与技巧",
      "一般检查与生命体征", "头颈部检查", "胸部检查：视诊与触诊", "肺部叩诊与听诊", "心脏检查：心音与杂音",
      "腹部检查", "神经系统检查", "血常规与尿常规判读", "心电图基础", "病历书写规范", "综合病例讨论",
    ],
  },
  {
    code: "MED3102",
    title: "内科学·心血管系统",
    titleEn: "Internal Medicine: Cardiovascular System",
    dept: "NK",
    teachers: ["t2002", "t2001"],
    classes: [1, 2, 3, 4],
    credits: 3,
    weekday: 2,
    time: ["14:00", "15:40"],
    room: "教学楼 A305",
    textbook: "《内科学》第10版，人民卫生出版社",
    description: "以临床病例为主线讲授心血管系统常见病、多发病的病因、发病机制、临床表现、诊断与治疗，强调循证医学与临床决策。",
    objectives: [
      "掌握心力衰竭、高血压、冠心病等常见心血管疾病的诊断与治疗原则",
      "熟悉常见心律失常的心电图特点及处理",
      "能够基于病例开展鉴别诊断并制定初步诊疗方案",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "心血管系统疾病总论", "心力衰竭：病理生理", "慢性心力衰竭的诊治", "急性心力衰竭", "心律失常概述",
      "快速性心律失常", "缓慢性心律失常", "原发性高血压", "继发性高血压", "动脉粥样硬化与冠心病",
      "稳定型心绞痛", "急性冠脉综合征", "心脏瓣膜病", "感染性心内膜炎", "心肌病与心肌炎", "心包疾病与病例复习",
    ],
  },
  {
    code: "SUR3101",
    title: "外科学总论",
    titleEn: "General Surgery Principles",
    dept: "WK",
    teachers: ["t2003", "t2004"],
    classes: [3, 4],
    credits: 3,
    weekday: 1,
    time: ["10:00", "11:40"],
    room: "教学楼 B201",
    textbook: "《外科学》第10版，人民卫生出版社",
    description: "讲授外科学的基本理论、基本知识和基本技能，包括无菌术、水电解质平衡、休克、围手术期处理、创伤与感染等。",
    objectives: [
      "掌握无菌术与外科基本操作原则",
      "掌握水、电解质及酸碱平衡失调的诊断与处理",
      "熟悉休克的病理生理与救治原则",
      "熟悉围手术期管理与常见术后并发症的防治",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "外科学绪论", "无菌术", "水和钠的代谢紊乱", "钾代谢异常", "酸碱平衡失调", "输血", "外科休克",
      "麻醉概论", "围手术期处理", "外科病人的营养代谢", "外科感染", "创伤总论", "烧伤", "肿瘤概论",
      "移植与显微外科简介", "综合病例讨论",
    ],
  },
  {
    code: "SUR3205",
    title: "外科学·普通外科",
    titleEn: "Surgery: General Surgery",
    dept: "WK",
    teachers: ["t2004", "t2003"],
    classes: [1, 2],
    credits: 3,
    weekday: 3,
    time: ["08:00", "09:40"],
    room: "教学楼 B305",
    textbook: "《外科学》第10版，人民卫生出版社",
    description: "围绕普通外科常见疾病，结合真实（已去标识化）病例，讲授诊断思路、手术指征与围手术期处理。",
    objectives: [
      "掌握急腹症的诊断思路与鉴别诊断",
      "掌握常见普外科疾病的手术指征",
      "能够结合病例制定围手术期处理方案",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "颈部疾病：甲状腺", "乳房疾病", "腹外疝", "腹部损伤", "急性化脓性腹膜炎", "胃十二指肠疾病",
      "小肠疾病与肠梗阻", "阑尾炎", "结直肠疾病", "肛管疾病", "肝脏疾病", "门静脉高压症", "胆道疾病",
      "胰腺疾病", "周围血管疾病", "急腹症病例讨论",
    ],
  },
  {
    code: "PAT2101",
    title: "病理学",
    titleEn: "Pathology",
    dept: "BL",
    teachers: ["t2005", "t2006"],
    classes: [1, 2, 3, 4],
    credits: 4,
    weekday: 4,
    time: ["14:00", "15:40"],
    room: "形态学实验中心 102",
    textbook: "《病理学》第10版，人民卫生出版社",
    description: "研究疾病的病因、发病机制、病理变化及转归，通过大体标本、切片与临床病理讨论（CPC）建立形态与临床的联系。",
    objectives: [
      "掌握细胞与组织的适应、损伤与修复的基本病理变化",
      "掌握炎症、肿瘤的基本病理特征",
      "能够在临床病理讨论中将病理改变与临床表现相联系",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "细胞和组织的适应与损伤", "损伤的修复", "局部血液循环障碍", "炎症", "肿瘤（一）", "肿瘤（二）",
      "心血管系统疾病", "呼吸系统疾病", "消化系统疾病", "淋巴造血系统疾病", "泌尿系统疾病", "生殖系统与乳腺疾病",
      "内分泌系统疾病", "神经系统疾病", "传染病", "临床病理讨论（CPC）",
    ],
  },
  {
    code: "PAT2203",
    title: "病理生理学",
    titleEn: "Pathophysiology",
    dept: "BL",
    teachers: ["t2006", "t2005"],
    classes: [3, 4],
    credits: 3,
    weekday: 0,
    time: ["14:00", "15:40"],
    room: "教学楼 C101",
    textbook: "《病理生理学》第10版，人民卫生出版社",
    description: "研究疾病发生发展过程中功能和代谢变化的规律及其机制，为临床防治提供理论依据。",
    objectives: [
      "掌握水电解质、酸碱平衡紊乱的发生机制",
      "掌握缺氧、发热、休克的病理生理变化",
      "熟悉主要器官功能衰竭的发病机制",
    ],
    assessment: BLENDED_SCHEME,
    lessons: [
      "绪论与疾病概论", "水、钠代谢紊乱", "钾代谢紊乱", "酸碱平衡紊乱", "缺氧", "发热", "应激",
      "缺血-再灌注损伤", "休克", "弥散性血管内凝血", "心功能不全", "肺功能不全", "肝功能不全", "肾功能不全",
      "脑功能不全", "综合复习",
    ],
  },
];
