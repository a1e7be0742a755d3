export default function LessonEditor({ onClose }: { onClose: () => void }) {
  return <button onClick={onClose}>Close</button>;
}
