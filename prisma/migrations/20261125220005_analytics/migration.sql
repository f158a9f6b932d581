-- CreateTable
CREATE TABLE "AcademicTerm" (
    "code" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "weeks" INTEGER NOT NULL DEFAULT 16,

    CONSTRAINT "AcademicTerm_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Competency" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "position" INTEGER NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectiveCompetency" (
    "objectiveId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,

    CONSTRAINT "ObjectiveCompetency_pkey" PRIMARY KEY ("objectiveId","competencyId")
);

-- CreateTable
CREATE TABLE "AtRiskRule" (
    "departmentId" TEXT NOT NULL,
    "scoreDropPoints" INTEGER NOT NULL DEFAULT 15,
    "recentQuizzes" INTEGER NOT NULL DEFAULT 2,
    "lowScorePercent" INTEGER NOT NULL DEFAULT 60,
    "missedPreClassPercent" INTEGER NOT NULL DEFAULT 50,
    "absencePercent" INTEGER NOT NULL DEFAULT 20,
    "inactiveDays" INTEGER NOT NULL DEFAULT 14,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AtRiskRule_pkey" PRIMARY KEY ("departmentId")
);

-- CreateIndex
CREATE INDEX "Competency_departmentId_position_idx" ON "Competency"("departmentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Competency_departmentId_code_key" ON "Competency"("departmentId", "code");

-- CreateIndex
CREATE INDEX "ObjectiveCompetency_competencyId_idx" ON "ObjectiveCompetency"("competencyId");

-- CreateIndex
CREATE INDEX "PushMessage_courseId_status_idx" ON "PushMessage"("courseId", "status");

-- AddForeignKey
ALTER TABLE "Competency" ADD CONSTRAINT "Competency_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveCompetency" ADD CONSTRAINT "ObjectiveCompetency_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "CourseObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveCompetency" ADD CONSTRAINT "ObjectiveCompetency_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AtRiskRule" ADD CONSTRAINT "AtRiskRule_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
