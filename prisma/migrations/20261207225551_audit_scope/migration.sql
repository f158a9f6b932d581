-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "courseId" TEXT,
ADD COLUMN     "departmentId" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_courseId_createdAt_idx" ON "AuditLog"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_departmentId_createdAt_idx" ON "AuditLog"("departmentId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- Backfill: the course or department that entries written before this migration are about, as far as they tell.
UPDATE "AuditLog" SET "courseId" = "target"
WHERE "action" LIKE 'course.%' OR "action" LIKE 'roster.%' OR "action" = 'qbank.import';

UPDATE "AuditLog" SET "courseId" = "detail"->>'courseId'
WHERE "action" LIKE 'qbank.%' AND "courseId" IS NULL AND jsonb_typeof("detail"->'courseId') = 'string';

UPDATE "AuditLog" a SET "courseId" = o."courseId"
FROM "CourseObjective" o
WHERE a."action" = 'analytics.objective_competencies' AND o."id" = a."target";

UPDATE "AuditLog" SET "departmentId" = "target"
WHERE "action" LIKE 'department.%' OR "action" IN ('analytics.competencies', 'analytics.at_risk_rule');

UPDATE "AuditLog" SET "departmentId" = "detail"->>'departmentId'
WHERE "action" = 'user.create' AND jsonb_typeof("detail"->'departmentId') = 'string';

UPDATE "AuditLog" SET "departmentId" = "detail"->'to'->>'departmentId'
WHERE "action" = 'user.update' AND jsonb_typeof("detail"->'to'->'departmentId') = 'string';

UPDATE "AuditLog" a SET "departmentId" = c."departmentId"
FROM "Course" c
WHERE a."courseId" = c."id" AND a."departmentId" IS NULL;
