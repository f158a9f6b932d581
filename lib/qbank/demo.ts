import type { PrismaClient } from "@/generated/prisma/client";
import { type QuestionDataInput, QuestionDataSchema } from "./schemas";

type DemoQuestion = QuestionDataInput & { shared?: boolean };

const CV = "系统:心血管";
const DX = "学科:诊断学";
const IM = "学科:内科学";

const opts = (...texts: string[]) => texts.map((text, i) => ({ key: "ABCDEF"[i], text }));

/** 诊断学 (MED2101): every type, as in 执业医师-style practice, with explanations. */
const DIAGNOSTICS: DemoQuestion[] = [
  {
    type: "SINGLE",
    stem: "正常成人心尖搏动位于（ ）",
    options: opts("第4肋间左锁骨中线内 0.5–1.0 cm", "第5肋间左锁骨中线内 0.5–1.0 cm", "第5肋间左锁骨中线外 0.5–1.0 cm", "第6肋间左锁骨中线上", "第4肋间左锁骨中线上"),
    answer: ["B"],
    explanation: "正常心尖搏动位于**第5肋间、左锁骨中线内 0.5–1.0 cm**，搏动范围直径 2.0–2.5 cm。",
    difficulty: 1,
    tags: [CV, DX, "目标:心脏视诊与触诊"],
    shared: true,
  },
  {
    type: "SINGLE",
    stem: "二尖瓣狭窄最具特征性的体征是（ ）",
    options: opts("心尖区舒张中晚期低调隆隆样杂音", "心尖区全收缩期吹风样杂音", "主动脉瓣第二听诊区舒张期叹气样杂音", "胸骨左缘第2肋间连续性机器样杂音", "心尖区第三心音"),
    answer: ["A"],
    explanation: "二尖瓣口狭窄，舒张期左房血液流入左室受阻形成湍流，产生心尖区**舒张中晚期低调、隆隆样、递增型**杂音，常伴震颤。",
    difficulty: 2,
    tags: [CV, DX, "目标:心脏听诊"],
    shared: true,
  },
  {
    type: "SINGLE",
    stem: "稽留热最常见于（ ）",
    options: opts("大叶性肺炎", "败血症", "风湿热", "间日疟", "布鲁菌病"),
    answer: ["A"],
    explanation: "稽留热指体温恒定维持在 39–40 ℃以上，24 小时波动不超过 1 ℃，常见于大叶性肺炎、斑疹伤寒及伤寒高热期。败血症多为弛张热，疟疾为间歇热，布鲁菌病为波状热。",
    difficulty: 2,
    tags: ["系统:全身", DX, "目标:常见症状"],
  },
  {
    type: "SINGLE",
    stem: "患者，男，25岁。受凉后寒战、高热 2 天，咳铁锈色痰。查体：右下肺触觉语颤增强，叩诊浊音，可闻及支气管呼吸音。最可能的诊断是（ ）",
    options: opts("右下肺大叶性肺炎", "右侧胸腔积液", "右侧气胸", "慢性阻塞性肺疾病", "支气管哮喘"),
    answer: ["A"],
    explanation: "肺实变三联征：语颤增强、叩诊浊音、病理性支气管呼吸音；结合寒战高热、铁锈色痰，考虑大叶性肺炎。胸腔积液时语颤减弱或消失。",
    difficulty: 3,
    tags: ["系统:呼吸", DX, "目标:肺部检查"],
  },
  {
    type: "SINGLE",
    stem: "肝颈静脉回流征阳性最常见于（ ）",
    options: opts("右心衰竭", "左心衰竭", "肝硬化", "上腔静脉阻塞", "门静脉高压"),
    answer: ["A"],
    explanation: "按压肝脏时颈静脉充盈更明显，提示肝淤血，是右心衰竭的重要征象，亦见于渗出性或缩窄性心包炎。",
    difficulty: 2,
    tags: [CV, DX, "目标:腹部检查"],
  },
  {
    type: "SINGLE",
    stem: "成年男性血红蛋白的参考值为（ ）",
    options: opts("110–150 g/L", "120–160 g/L", "100–140 g/L", "130–180 g/L", "90–120 g/L"),
    answer: ["B"],
    explanation: "成年男性 120–160 g/L，成年女性 110–150 g/L，新生儿 170–200 g/L。",
    difficulty: 1,
    tags: ["系统:血液", DX, "目标:血常规判读"],
  },
  {
    type: "SINGLE",
    stem: "心电图上的 P 波代表（ ）",
    options: opts("心房除极", "心房复极", "心室除极", "心室复极", "房室交界区传导"),
    answer: ["A"],
    explanation: "P 波反映左、右心房的除极过程；QRS 波群反映心室除极，T 波反映心室复极。",
    difficulty: 1,
    tags: [CV, DX, "目标:心电图基础"],
    shared: true,
  },
  {
    type: "SINGLE",
    stem: "Murphy 征阳性提示（ ）",
    options: opts("急性胆囊炎", "急性阑尾炎", "急性胰腺炎", "十二指肠溃疡穿孔", "急性肠梗阻"),
    answer: ["A"],
    explanation: "检查者左手拇指压于右肋缘下胆囊点，嘱患者深吸气，因疼痛而突然屏气，即 Murphy 征阳性，见于急性胆囊炎。",
    difficulty: 2,
    tags: ["系统:消化", DX, "目标:腹部检查"],
  },
  {
    type: "SINGLE",
    stem: "关于主诉的书写，正确的是（ ）",
    options: opts("应包括最主要的症状（或体征）及其持续时间", "应尽量使用诊断名词", "应详细列出全部伴随症状", "字数一般应超过 50 字", "应包括既往史要点"),
    answer: ["A"],
    explanation: "主诉是促使患者就诊的最主要症状（或体征）及持续时间，力求简明，一般不超过 20 字，不用诊断名词。",
    difficulty: 1,
    tags: [DX, "目标:问诊"],
  },
  {
    type: "MULTIPLE",
    stem: "可闻及第三心音（S3）的情况有（ ）",
    options: opts("健康儿童和青少年", "心力衰竭", "二尖瓣关闭不全", "二尖瓣狭窄"),
    answer: ["A", "B", "C"],
    partialCredit: "HALF_FOR_SUBSET",
    explanation: "生理性 S3 见于儿童和青少年；病理性 S3（舒张早期奔马律）见于心衰、二尖瓣关闭不全等心室舒张期容量负荷增加时。二尖瓣狭窄时左室充盈受限，一般无 S3。",
    difficulty: 3,
    tags: [CV, DX, "目标:心脏听诊"],
  },
  {
    type: "MULTIPLE",
    stem: "可引起心尖搏动向左下移位的有（ ）",
    options: opts("左心室增大", "主动脉瓣关闭不全", "高血压性心脏病", "右心室增大"),
    answer: ["A", "B", "C"],
    partialCredit: "RIGHT_MINUS_WRONG",
    explanation: "左心室增大（包括主动脉瓣关闭不全、高血压性心脏病所致）时心尖搏动向左下移位；右心室增大时心尖搏动向左移位而非向下。",
    difficulty: 3,
    tags: [CV, DX, "目标:心脏视诊与触诊"],
  },
  {
    type: "MULTIPLE",
    stem: "属于尿常规检查项目的有（ ）",
    options: opts("尿比重", "尿蛋白定性", "尿沉渣镜检", "尿细菌培养"),
    answer: ["A", "B", "C"],
    explanation: "尿常规包括一般性状（颜色、透明度、比重）、化学检查（蛋白、糖、酮体等）和显微镜检查；尿培养属于病原学检查。",
    difficulty: 2,
    tags: ["系统:泌尿", DX, "目标:尿常规判读"],
  },
  {
    type: "MULTIPLE",
    stem: "腹膜刺激征包括（ ）",
    options: opts("腹部压痛", "反跳痛", "腹肌紧张", "移动性浊音"),
    answer: ["A", "B", "C"],
    partialCredit: "HALF_FOR_SUBSET",
    explanation: "腹膜刺激征即压痛、反跳痛和腹肌紧张，提示腹膜壁层受炎症累及。移动性浊音提示腹腔积液。",
    difficulty: 2,
    tags: ["系统:消化", DX, "目标:腹部检查"],
  },
  {
    type: "TRUE_FALSE",
    stem: "正常肺部的叩诊音为清音。",
    answer: [true],
    explanation: "正常肺部叩诊呈清音；心、肝被肺覆盖部分为浊音，胃泡区为鼓音。",
    difficulty: 1,
    tags: ["系统:呼吸", DX, "目标:肺部检查"],
  },
  {
    type: "TRUE_FALSE",
    stem: "正常成人肺下界移动范围为 2–3 cm。",
    answer: [false],
    explanation: "正常为 **6–8 cm**；移动度减小见于肺气肿、胸腔积液、肺不张等。",
    difficulty: 2,
    tags: ["系统:呼吸", DX, "目标:肺部检查"],
  },
  {
    type: "TRUE_FALSE",
    stem: "咯血常为鲜红色，混有泡沫或痰，呈碱性；呕血多为暗红或咖啡色，混有食物残渣，呈酸性。",
    answer: [true],
    explanation: "这是咯血与呕血鉴别的要点，另需结合病史（心肺疾病或消化道疾病）与有无黑便。",
    difficulty: 2,
    tags: ["系统:呼吸", DX, "目标:常见症状"],
  },
  {
    type: "TRUE_FALSE",
    stem: "成人心电图正常 PR 间期为 0.12–0.20 s。",
    answer: [true],
    explanation: "PR 间期超过 0.20 s 提示一度房室传导阻滞。",
    difficulty: 2,
    tags: [CV, DX, "目标:心电图基础"],
  },
  {
    type: "FILL_IN",
    stem: "正常成人静息呼吸频率为 ____ 次/分，呼吸与脉搏之比约为 ____。",
    answer: [
      ["12–20", "12-20", "12~20", "12～20", "12至20"],
      ["1:4", "1∶4", "1比4"],
    ],
    partialCredit: "RIGHT_MINUS_WRONG",
    explanation: "呼吸频率 12–20 次/分，与脉搏之比约 1:4。",
    difficulty: 1,
    tags: ["系统:呼吸", DX, "目标:生命体征"],
  },
  {
    type: "FILL_IN",
    stem: "主动脉瓣第二听诊区位于胸骨 ____ 缘第 ____ 肋间。",
    answer: [["左"], ["3", "三"]],
    partialCredit: "RIGHT_MINUS_WRONG",
    explanation: "主动脉瓣第二听诊区位于胸骨左缘第 3 肋间，主动脉瓣关闭不全的舒张期杂音在此最清楚。",
    difficulty: 2,
    tags: [CV, DX, "目标:心脏听诊"],
  },
  {
    type: "FILL_IN",
    stem: "格拉斯哥昏迷评分（GCS）的最高分为 ____ 分，最低分为 ____ 分。",
    answer: [["15"], ["3"]],
    explanation: "GCS 由睁眼（1–4）、语言（1–5）、运动（1–6）三部分组成，总分 3–15 分，≤8 分为重度昏迷。",
    difficulty: 2,
    tags: ["系统:神经", DX, "目标:神经系统检查"],
  },
  {
    type: "FILL_IN",
    stem: "Korotkoff 第 ____ 音（声音消失）时的读数为舒张压。",
    answer: [["5", "五", "V"]],
    explanation: "以第 1 音出现时为收缩压，第 5 音（消失音）为舒张压。",
    difficulty: 2,
    tags: [CV, DX, "目标:生命体征"],
  },
  {
    type: "SHORT_ANSWER",
    stem: "简述现病史包括的主要内容。",
    referenceAnswer: "起病情况与患病时间；主要症状的特点（部位、性质、持续时间、程度、缓解或加剧因素）；病因与诱因；病情的发展与演变；伴随症状；诊治经过；病程中的一般情况（精神、食欲、睡眠、大小便、体重）。",
    explanation: "评分要点：每项 1 分，遗漏“诊治经过”或“一般情况”扣分。",
    difficulty: 2,
    tags: [DX, "目标:问诊"],
  },
  {
    type: "SHORT_ANSWER",
    stem: "简述二尖瓣狭窄的主要体征及其产生机制。",
    referenceAnswer: "二尖瓣面容；心尖区舒张中晚期隆隆样杂音（舒张期血流通过狭窄瓣口形成湍流）；第一心音亢进和开瓣音（瓣叶尚有弹性）；P2 亢进、分裂（肺动脉高压）；Graham Steell 杂音（相对性肺动脉瓣关闭不全）。",
    difficulty: 4,
    tags: [CV, DX, "目标:心脏听诊"],
  },
];

/** An A3 set of 诊断学: one vignette, three questions. */
const DIAGNOSTICS_CASE = {
  vignette:
    "患者男，62岁。反复活动后胸闷、气促 3 年，加重伴夜间不能平卧 1 周。既往高血压病史 15 年。查体：BP 150/95 mmHg，端坐位，双肺底可闻及细湿啰音，心界向左下扩大，心率 108 次/分，心尖区可闻及舒张早期奔马律，双下肢轻度凹陷性水肿。",
  questions: [
    {
      type: "SINGLE",
      stem: "患者夜间不能平卧的最可能原因是（ ）",
      options: opts("左心衰竭致肺淤血", "支气管哮喘急性发作", "大量胸腔积液", "自发性气胸", "焦虑状态"),
      answer: ["A"],
      explanation: "端坐呼吸、双肺底湿啰音、舒张早期奔马律提示左心衰竭、肺淤血；平卧时回心血量增加加重肺淤血。",
      difficulty: 3,
      tags: [CV, DX, "目标:病例分析"],
    },
    {
      type: "SINGLE",
      stem: "心尖区舒张早期奔马律提示（ ）",
      options: opts("心室舒张期容量负荷过重，心肌功能严重障碍", "正常生理现象", "二尖瓣狭窄", "三度房室传导阻滞", "大量心包积液"),
      answer: ["A"],
      explanation: "舒张早期奔马律（病理性 S3）是心肌严重受损的重要体征，见于心力衰竭、急性心肌梗死等。",
      difficulty: 3,
      tags: [CV, DX, "目标:心脏听诊"],
    },
    {
      type: "SINGLE",
      stem: "为评价心脏结构与功能，首选的检查是（ ）",
      options: opts("超声心动图", "胸部 CT", "冠状动脉造影", "心肌酶谱", "肺功能检查"),
      answer: ["A"],
      explanation: "超声心动图可评估心腔大小、室壁运动和左室射血分数，是心衰诊断与分型的首选检查。",
      difficulty: 2,
      tags: [CV, DX, "目标:病例分析"],
    },
  ] satisfies QuestionDataInput[],
};

/** 内科学·心血管系统 (MED3102): a few questions, two shared with the department (so 诊断学 sees them too). */
const CARDIOLOGY: DemoQuestion[] = [
  {
    type: "SINGLE",
    stem: "慢性心力衰竭急性加重最常见的诱因是（ ）",
    options: opts("感染（尤其是呼吸道感染）", "过度体力活动", "心律失常", "情绪激动", "钠盐摄入过多"),
    answer: ["A"],
    explanation: "呼吸道感染是心衰加重最常见、最重要的诱因，其次为心律失常（尤其心房颤动）。",
    difficulty: 2,
    tags: [CV, IM, "目标:心力衰竭"],
    shared: true,
  },
  {
    type: "SINGLE",
    stem: "稳定型心绞痛发作时，首选的缓解措施是（ ）",
    options: opts("停止活动并舌下含服硝酸甘油", "口服阿司匹林", "口服美托洛尔", "静脉注射吗啡", "静脉注射呋塞米"),
    answer: ["A"],
    explanation: "发作时立即休息，舌下含服硝酸甘油 1–2 分钟起效。",
    difficulty: 1,
    tags: [CV, IM, "目标:冠心病"],
    shared: true,
  },
  {
    type: "MULTIPLE",
    stem: "血管紧张素转换酶抑制剂（ACEI）的禁忌证包括（ ）",
    options: opts("双侧肾动脉狭窄", "妊娠", "血管性水肿史", "2 型糖尿病"),
    answer: ["A", "B", "C"],
    partialCredit: "HALF_FOR_SUBSET",
    explanation: "ACEI 禁用于双侧肾动脉狭窄、妊娠、血管性水肿史及高钾血症；糖尿病合并蛋白尿恰是其优先适应证。",
    difficulty: 3,
    tags: [CV, IM, "目标:高血压"],
  },
  {
    type: "TRUE_FALSE",
    stem: "急性 ST 段抬高型心肌梗死发病 12 小时内是再灌注治疗的主要时间窗。",
    answer: [true],
    explanation: "发病 12 小时内应尽早行直接 PCI 或溶栓；越早再灌注，挽救的心肌越多。",
    difficulty: 2,
    tags: [CV, IM, "目标:冠心病"],
  },
  {
    type: "FILL_IN",
    stem: "高血压的诊断标准：未使用降压药时，非同日 3 次诊室收缩压 ≥ ____ mmHg 和（或）舒张压 ≥ ____ mmHg。",
    answer: [["140"], ["90"]],
    partialCredit: "RIGHT_MINUS_WRONG",
    explanation: "《中国高血压防治指南》：收缩压 ≥140 mmHg 和（或）舒张压 ≥90 mmHg。",
    difficulty: 1,
    tags: [CV, IM, "目标:高血压"],
  },
];

async function seedCourse(
  prisma: PrismaClient,
  code: string,
  questions: DemoQuestion[],
  caseSet: { vignette: string; questions: QuestionDataInput[] } | null,
): Promise<number> {
  const course = await prisma.course.findFirst({
    where: { code },
    orderBy: { createdAt: "asc" },
    select: { id: true, members: { where: { role: "TEACHER" }, orderBy: { createdAt: "asc" }, take: 1, select: { userId: true } } },
  });
  if (!course || (await prisma.question.count({ where: { courseId: course.id } })) > 0) return 0;
  const createdById = course.members[0]?.userId ?? null;
  // Parsed like the editor's input, so the demo can never hold a question the app would refuse.
  const rows = questions.map(({ shared, ...question }) => ({ ...QuestionDataSchema.parse(question), shared: shared ?? false, courseId: course.id, createdById }));
  await prisma.$transaction(async (tx) => {
    await tx.question.createMany({ data: rows });
    if (caseSet) {
      const created = await tx.questionCase.create({ data: { courseId: course.id, vignette: caseSet.vignette }, select: { id: true } });
      await tx.question.createMany({
        data: caseSet.questions.map((question, i) => ({
          ...QuestionDataSchema.parse(question),
          courseId: course.id,
          createdById,
          caseId: created.id,
          casePosition: i + 1,
        })),
      });
    }
  });
  return rows.length + (caseSet?.questions.length ?? 0);
}

/**
 * The demo school's question banks: 诊断学 (MED2101) gets 26 questions of every type, an A3 case set of three
 * among them, with tags (系统:…, 学科:…, 目标:…) and explanations; 内科学·心血管系统 (MED3102) gets five. A few of
 * each are shared with the department. A course that already has questions is left alone, so it can run twice.
 */
export async function seedDemoQuestionBank(prisma: PrismaClient): Promise<{ questions: number }> {
  const diagnostics = await seedCourse(prisma, "MED2101", DIAGNOSTICS, DIAGNOSTICS_CASE);
  const cardiology = await seedCourse(prisma, "MED3102", CARDIOLOGY, null);
  return { questions: diagnostics + cardiology };
}
