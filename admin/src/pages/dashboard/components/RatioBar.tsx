/** A thin percentage bar with a mark at the 2/3 threshold (lighter than antd Progress on the first screen). */
export function RatioBar({ label, percent }: { label: string; percent: number }) {
  const met = percent >= 200 / 3;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <span style={{ width: 32 }}>{label}</span>
      <div style={{ position: 'relative', width: 200, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
        <div
          style={{
            width: `${Math.min(100, percent)}%`,
            height: 8,
            borderRadius: 4,
            background: met ? '#52c41a' : '#1677ff',
          }}
        />
        <div
          style={{
            position: 'absolute',
            left: '66.67%',
            top: -3,
            width: 2,
            height: 14,
            background: '#faad14',
          }}
        />
      </div>
      <span>{percent.toFixed(2)}%</span>
    </div>
  );
}
