-- CreateTable
CREATE TABLE "AnalyticsCount" (
    "courseId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "week" INTEGER,
    "a" DOUBLE PRECISION NOT NULL,
    "b" DOUBLE PRECISION NOT NULL,
    "c" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "AnalyticsCount_pkey" PRIMARY KEY ("courseId","classId","kind","subjectId")
);

-- CreateTable
CREATE TABLE "AnalyticsStudentFact" (
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrolledAt" TIMESTAMP(3) NOT NULL,
    "quizPercents" DOUBLE PRECISION[],
    "preClassDue" INTEGER NOT NULL,
    "preClassDone" INTEGER NOT NULL,
    "signInsHeld" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "lastActivityAt" TIMESTAMP(3),

    CONSTRAINT "AnalyticsStudentFact_pkey" PRIMARY KEY ("courseId","userId")
);

-- CreateTable
CREATE TABLE "AnalyticsRefresh" (
    "courseId" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyticsRefresh_pkey" PRIMARY KEY ("courseId")
);
