import * as THREE from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OBJLoader } from "three/addons/loaders/OBJLoader.js";
import { MeshError, type Triangles } from "~/lib/mesh";

/**
 * The three.js side of the CAD view, loaded only when a model is shown (the viewer imports this module
 * dynamically). It builds the scene, frames the model, and exposes the few moves the buttons and keys
 * make. Units: STL and OBJ are read as millimetres; glTF is metres by its specification, scaled ×1000.
 */

export type CadFormat = "stl" | "obj" | "glb";

export type CadScene = {
  /** Size of the model's bounding box along x, y, z in mm. */
  sizeMm: [number, number, number];
  rotate(dx: number, dy: number): void;
  zoom(factor: number): void;
  reset(): void;
  dispose(): void;
};

export function webglAvailable(): boolean {
  try {
    const c = document.createElement("canvas");
    return !!(c.getContext("webgl2") ?? c.getContext("webgl"));
  } catch {
    return false;
  }
}

async function loadObject(format: CadFormat, bytes: ArrayBuffer, stlTriangles: Triangles | null): Promise<THREE.Object3D> {
  const material = new THREE.MeshStandardMaterial({ color: 0xc9a24a, metalness: 0.85, roughness: 0.3 });
  if (format === "stl") {
    if (!stlTriangles) throw new MeshError("The STL file could not be read.");
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.BufferAttribute(stlTriangles, 3));
    geometry.computeVertexNormals();
    return new THREE.Mesh(geometry, material);
  }
  if (format === "obj") {
    const obj = new OBJLoader().parse(new TextDecoder().decode(bytes));
    obj.traverse((child) => {
      if (child instanceof THREE.Mesh) child.material = material;
    });
    if (obj.children.length === 0) throw new MeshError("The OBJ file holds no geometry.");
    return obj;
  }
  const gltf = await new GLTFLoader().parseAsync(bytes, "");
  const scene = gltf.scene;
  scene.scale.setScalar(1000);
  return scene;
}

export async function createCadScene(canvas: HTMLCanvasElement, format: CadFormat, bytes: ArrayBuffer, stlTriangles: Triangles | null): Promise<CadScene> {
  const object = await loadObject(format, bytes, stlTriangles);
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  const scene = new THREE.Scene();
  scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, 2.2));
  const key = new THREE.DirectionalLight(0xffffff, 2.5);
  key.position.set(1, 2, 3);
  scene.add(key);

  // Centre the model on the origin inside a pivot, so rotating turns it in place.
  const pivot = new THREE.Group();
  object.updateMatrixWorld(true);
  const box = new THREE.Box3().setFromObject(object);
  const centre = box.getCenter(new THREE.Vector3());
  object.position.sub(centre);
  pivot.add(object);
  scene.add(pivot);
  const size = box.getSize(new THREE.Vector3());
  const radius = Math.max(size.length() / 2, 0.001);

  const camera = new THREE.PerspectiveCamera(35, 1, radius / 100, radius * 100);
  const home = new THREE.Vector3(radius * 1.6, radius * 1.2, radius * 2.4);
  camera.position.copy(home);
  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = true;
  controls.minDistance = radius * 0.5;
  controls.maxDistance = radius * 20;

  const resize = () => {
    const w = canvas.clientWidth || 1;
    const h = canvas.clientHeight || 1;
    renderer.setSize(w, h, false);
    camera.aspect = w / h;
    camera.updateProjectionMatrix();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();

  let frame = 0;
  const tick = () => {
    controls.update();
    renderer.render(scene, camera);
    frame = requestAnimationFrame(tick);
  };
  tick();

  return {
    sizeMm: [size.x, size.y, size.z],
    rotate(dx, dy) {
      pivot.rotation.y += dx;
      pivot.rotation.x += dy;
    },
    zoom(factor) {
      const offset = camera.position.clone().sub(controls.target).multiplyScalar(factor);
      const length = THREE.MathUtils.clamp(offset.length(), controls.minDistance, controls.maxDistance);
      camera.position.copy(controls.target).add(offset.setLength(length));
    },
    reset() {
      pivot.rotation.set(0, 0, 0);
      controls.target.set(0, 0, 0);
      camera.position.copy(home);
    },
    dispose() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      controls.dispose();
      scene.traverse((child) => {
        if (child instanceof THREE.Mesh) {
          const mesh = child as THREE.Mesh<THREE.BufferGeometry, THREE.Material | THREE.Material[]>;
          mesh.geometry.dispose();
          const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
          for (const m of materials) m.dispose();
        }
      });
      renderer.dispose();
    },
  };
}
