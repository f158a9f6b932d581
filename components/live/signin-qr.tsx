"use client";
import { useEffect, useState } from "react";

/** The check-in link as a QR code (SVG). qrcode loads only when a sign-in is shown, not with the board. */
export function SignInQr({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    import("qrcode")
      .then((qr) => qr.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }))
      .then((svg) => !cancelled && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => !cancelled && setSrc(null));
    return () => {
      cancelled = true;
    };
  }, [url]);
  // A data URL drawn by us: next/image adds nothing here.
  // eslint-disable-next-line @next/next/no-img-element
  return src ? <img src={src} alt={alt} data-testid="signin-qr" className="h-44 w-44 rounded-lg bg-white p-1" /> : <div className="h-44 w-44" aria-hidden />;
}
