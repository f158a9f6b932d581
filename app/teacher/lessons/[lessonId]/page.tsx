import { redirect } from "next/navigation";

export default async function TeacherLessonPage({ params }: { params: Promise<{ lessonId: string }> }) {
  redirect(`/teacher/lessons/${(await params).lessonId}/prep`);
}
