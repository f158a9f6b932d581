import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_DEPARTMENTS } from "@/lib/demo/school";
import { CompetencySchema } from "./schemas";

interface DemoCompetency {
  code: string;
  name: string;
  nameEn: string;
  /** Question tags of the demo banks (lib/qbank/demo.ts) that count towards it. */
  tags: string[];
  /** Course objectives (lib/demo/school.ts) whose text says they serve it. */
  objectives: RegExp;
}

/**
 * The demo school's competency list: the four domains of 本科医学教育标准—临床医学专业 (2022), then the organ systems
 * the banks are tagged by. Every 目标:/系统: tag of the demo banks lands somewhere, so the competency view has
 * nothing left unmapped but the 学科: tags.
 */
export const DEMO_COMPETENCIES: DemoCompetency[] = [
  {
    code: "SA",
    name: "科学和学术",
    nameEn: "Science and scholarship",
    tags: ["目标:血常规判读", "目标:尿常规判读", "目标:心电图基础"],
    objectives: /机制|病理变化|病理特征|病理生理|结果判读|心电图/,
  },
  {
    code: "CC",
    name: "临床能力",
    nameEn: "Clinical competence",
    tags: [
      "目标:问诊", "目标:常见症状", "目标:生命体征", "目标:心脏视诊与触诊", "目标:心脏听诊", "目标:肺部检查",
      "目标:腹部检查", "目标:神经系统检查", "目标:病例分析", "目标:心力衰竭", "目标:冠心病", "目标:高血压",
    ],
    objectives: /诊断|体格检查|病史|病例|手术|处理|救治|诊疗|操作|临床/,
  },
  { code: "HS", name: "健康与社会", nameEn: "Health and society", tags: ["目标:高血压"], objectives: /防治|预防|健康/ },
  { code: "PR", name: "职业素养", nameEn: "Professionalism", tags: ["目标:问诊"], objectives: /问诊|病历|沟通/ },
  { code: "CV", name: "心血管系统", nameEn: "Cardiovascular system", tags: ["系统:心血管"], objectives: /心血管|心力衰竭|高血压|冠心病|心律失常|心功能/ },
  { code: "RS", name: "呼吸系统", nameEn: "Respiratory system", tags: ["系统:呼吸"], objectives: /呼吸|肺|缺氧/ },
  { code: "GI", name: "消化系统", nameEn: "Digestive system", tags: ["系统:消化"], objectives: /消化|急腹症|腹部|肝/ },
  {
    code: "OT",
    name: "其他系统与全身",
    nameEn: "Other systems and the whole body",
    tags: ["系统:神经", "系统:泌尿", "系统:血液", "系统:全身"],
    objectives: /神经|泌尿|肾|血液|全身/,
  },
];

/**
 * Gives each demo department (内科学、外科学、病理学教研室) the competency list above and maps its courses' objectives to
 * it, so that the department admin's 能力达成 view (README tour) shows coverage and attainment. A department that
 * already has a list is left alone (its admin may have edited it), so it can run twice.
 */
export async function seedDemoCompetencies(prisma: PrismaClient): Promise<{ competencies: number; mappings: number }> {
  const departments = await prisma.department.findMany({
    where: { code: { in: DEMO_DEPARTMENTS.map((dept) => dept.code) }, competencies: { none: {} } },
    orderBy: { code: "asc" },
    select: { id: true, courses: { select: { objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } } } } },
  });
  let competencies = 0;
  let mappings = 0;
  for (const department of departments) {
    await prisma.$transaction(async (tx) => {
      const created: { id: string; objectives: RegExp }[] = [];
      for (const [position, { objectives, ...competency }] of DEMO_COMPETENCIES.entries()) {
        // Parsed like the editor's input, so the demo never holds a list the app would refuse.
        const data = { ...CompetencySchema.parse(competency), departmentId: department.id, position };
        const row = await tx.competency.create({ data, select: { id: true } });
        created.push({ id: row.id, objectives });
      }
      const links = department.courses.flatMap((course) =>
        course.objectives.flatMap((objective) =>
          created.filter((competency) => competency.objectives.test(objective.text)).map((competency) => ({ objectiveId: objective.id, competencyId: competency.id })),
        ),
      );
      await tx.objectiveCompetency.createMany({ data: links, skipDuplicates: true });
      competencies += created.length;
      mappings += links.length;
    });
  }
  return { competencies, mappings };
}
