import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Renders user-written Markdown (syllabus, instructions, lesson plans). Raw HTML is not rendered and the tree is
 * sanitized (GitHub's schema: no scripts, event handlers or javascript: links).
 */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div className={`prose-md break-words ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
