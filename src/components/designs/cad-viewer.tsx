"use client";

import { AlertTriangle, Loader2, RotateCcw, RotateCw, ZoomIn, ZoomOut, ArrowUp, ArrowDown, Maximize } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import type { MetalOption } from "~/lib/design-spec";
import { boundingBoxMm, estimateMetalWeights, isClosedMesh, meshVolumeMm3, MeshError, parseStl } from "~/lib/mesh";
import type { CadFormat, CadScene } from "./cad-scene";

/**
 * A CAD attachment as a 3D model: drag to rotate, wheel or pinch to zoom, or the buttons and keys
 * (arrows rotate, + and − zoom, 0 resets) for keyboard users. three.js is loaded only when this view
 * mounts. For an STL the enclosed volume gives the metal weight in each metal option of the revision;
 * the figures are shown even where the browser cannot draw 3D.
 */

type Facts = { sizeMm: [number, number, number]; volumeMm3: number | null; closed: boolean | null };
type State =
  | { step: "loading" }
  | { step: "error"; message: string }
  | { step: "ready"; facts: Facts; scene: CadScene | null; noWebgl: boolean };

const STEP = Math.PI / 12;

export function cadFormatOf(fileName: string): CadFormat | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "stl" || ext === "obj" || ext === "glb" ? ext : null;
}

const mm = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function CadViewer({ url, fileName, metals }: { url: string; fileName: string; metals: readonly MetalOption[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<State>({ step: "loading" });
  const [attempt, setAttempt] = useState(0);
  const format = cadFormatOf(fileName);

  useEffect(() => {
    if (!format) return;
    let cancelled = false;
    let scene: CadScene | null = null;
    setState({ step: "loading" });
    void (async () => {
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) throw new MeshError(response.status === 404 ? "This file is no longer available." : `The file could not be loaded (${response.status}).`);
        const bytes = await response.arrayBuffer();
        let triangles: Float32Array | null = null;
        let facts: Facts | null = null;
        if (format === "stl") {
          triangles = parseStl(new Uint8Array(bytes));
          const closed = isClosedMesh(triangles);
          const volume = meshVolumeMm3(triangles);
          facts = { sizeMm: boundingBoxMm(triangles).size, volumeMm3: volume, closed };
        }
        const three = await import("./cad-scene");
        if (cancelled) return;
        const noWebgl = !three.webglAvailable();
        if (!noWebgl && canvasRef.current) scene = await three.createCadScene(canvasRef.current, format, bytes, triangles);
        if (cancelled) {
          scene?.dispose();
          return;
        }
        if (!facts) {
          if (!scene) throw new MeshError("This browser cannot show 3D models (WebGL is off). Download the file to open it in your CAD program.");
          facts = { sizeMm: scene.sizeMm, volumeMm3: null, closed: null };
        }
        setState({ step: "ready", facts, scene, noWebgl });
      } catch (error) {
        if (cancelled) return;
        const message = error instanceof MeshError ? error.message : "The model could not be shown. Check your connection and try again, or download the file.";
        setState({ step: "error", message });
      }
    })();
    return () => {
      cancelled = true;
      scene?.dispose();
    };
  }, [url, format, attempt]);

  const scene = state.step === "ready" ? state.scene : null;
  const onKey = useCallback(
    (e: React.KeyboardEvent) => {
      if (!scene) return;
      const moves: Record<string, () => void> = {
        ArrowLeft: () => scene.rotate(-STEP, 0),
        ArrowRight: () => scene.rotate(STEP, 0),
        ArrowUp: () => scene.rotate(0, -STEP),
        ArrowDown: () => scene.rotate(0, STEP),
        "+": () => scene.zoom(0.8),
        "=": () => scene.zoom(0.8),
        "-": () => scene.zoom(1.25),
        "0": () => scene.reset(),
      };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        move();
      }
    },
    [scene],
  );

  if (!format) return <p className="text-sm text-ink-muted">{fileName} cannot be shown in the browser; download it to open it in your CAD program.</p>;

  // Estimated at render, so editing the metal options updates the weights without reloading the file.
  const weights = state.step === "ready" && state.facts.volumeMm3 !== null ? estimateMetalWeights(state.facts.volumeMm3, metals) : [];
  return (
    <figure className="space-y-3" aria-label={`3D model ${fileName}`}>
      <div className="relative aspect-[4/3] w-full overflow-hidden rounded-lg border border-line bg-sunken sm:aspect-video">
        <canvas
          ref={canvasRef}
          tabIndex={scene ? 0 : -1}
          onKeyDown={onKey}
          className="size-full touch-none outline-none focus-visible:ring-2 focus-visible:ring-brass-500"
          aria-label={`3D view of ${fileName}. Drag to rotate, scroll to zoom; arrow keys rotate, plus and minus zoom, 0 resets.`}
          data-cad-ready={scene ? "true" : undefined}
        />
        {state.step === "loading" && (
          <div className="absolute inset-0 flex items-center justify-center gap-2 text-sm text-ink-muted" role="status">
            <Loader2 aria-hidden className="size-4 animate-spin" /> Loading the model…
          </div>
        )}
        {state.step === "error" && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center text-sm" role="alert">
            <p className="flex items-center gap-2 text-danger">
              <AlertTriangle aria-hidden className="size-4" /> {state.message}
            </p>
            <Button variant="secondary" size="sm" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          </div>
        )}
        {state.step === "ready" && state.noWebgl && (
          <div className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-ink-muted">
            This browser cannot draw 3D (WebGL is off); the measurements below come from the file itself.
          </div>
        )}
      </div>
      {scene && (
        <div className="flex flex-wrap gap-1.5" aria-label="View controls">
          <Button variant="secondary" size="sm" aria-label="Rotate left" onClick={() => scene.rotate(-STEP, 0)}>
            <RotateCcw aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" aria-label="Rotate right" onClick={() => scene.rotate(STEP, 0)}>
            <RotateCw aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" aria-label="Tilt up" onClick={() => scene.rotate(0, -STEP)}>
            <ArrowUp aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" aria-label="Tilt down" onClick={() => scene.rotate(0, STEP)}>
            <ArrowDown aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" aria-label="Zoom in" onClick={() => scene.zoom(0.8)}>
            <ZoomIn aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" aria-label="Zoom out" onClick={() => scene.zoom(1.25)}>
            <ZoomOut aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" onClick={() => scene.reset()}>
            <Maximize aria-hidden /> Reset view
          </Button>
        </div>
      )}
      {state.step === "ready" && (
        <figcaption className="space-y-2 text-sm">
          <p>
            <span className="text-ink-muted">Bounding box: </span>
            <span className="tabular-nums" data-testid="cad-bounding-box">
              {mm(state.facts.sizeMm[0])} × {mm(state.facts.sizeMm[1])} × {mm(state.facts.sizeMm[2])} mm
            </span>
          </p>
          {state.facts.volumeMm3 !== null && state.facts.closed === false && (
            <p className="text-warning">The mesh is not closed (it has holes), so its volume and metal weight cannot be estimated.</p>
          )}
          {state.facts.volumeMm3 !== null && state.facts.closed && (
            <>
              <p>
                <span className="text-ink-muted">Volume: </span>
                <span className="tabular-nums">{(state.facts.volumeMm3 / 1000).toLocaleString("en", { maximumFractionDigits: 3 })} cm³</span>
              </p>
              {weights.length === 0 ? (
                <p className="text-ink-muted">Add a metal option to the spec to see the estimated metal weight.</p>
              ) : (
                <table className="text-left">
                  <caption className="sr-only">Estimated metal weight per metal option</caption>
                  <thead className="text-xs text-ink-muted">
                    <tr>
                      <th scope="col" className="pr-4 font-medium">
                        Metal option
                      </th>
                      <th scope="col" className="font-medium">
                        Estimated weight
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {weights.map((w) => (
                      <tr key={w.metalOptionId}>
                        <th scope="row" className="pr-4 font-normal">
                          {w.label}
                        </th>
                        <td className="tabular-nums">
                          {w.grams === null ? "density unknown" : `≈ ${w.grams.toLocaleString("en", { maximumFractionDigits: 2, minimumFractionDigits: 2 })} g`}
                          {w.densityGPerCm3 !== null && <span className="text-ink-muted"> ({w.densityGPerCm3} g/cm³)</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="text-xs text-ink-muted">Read as millimetres. The estimate is the model&apos;s solid volume times the alloy&apos;s typical density, before sprues and finishing losses.</p>
            </>
          )}
        </figcaption>
      )}
    </figure>
  );
}
