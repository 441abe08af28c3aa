import { Text, Textarea, View } from '@tarojs/components';
import type { AnswerValue, SurveyQuestion } from '@jiugai/shared';
import { PhotoPicker } from '../../components/PhotoPicker';

interface Props {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

function Choice({
  on,
  label,
  onClick,
  mark,
}: {
  on: boolean;
  label: string;
  onClick: () => void;
  mark?: string;
}) {
  return (
    <View className={`choice ${on ? 'choice-on' : ''}`} onClick={onClick} role="checkbox" aria-checked={on}>
      <Text className="choice-mark">{mark ?? (on ? '✓' : '○')}</Text>
      <Text>
        {label}
        {on ? '（已选）' : ''}
      </Text>
    </View>
  );
}

const asList = (v: AnswerValue | undefined): string[] => (Array.isArray(v) ? v : []);

/** The answer control for every question type the server defines, all with large tap targets. */
export function QuestionInput({ question: q, value, onChange }: Props) {
  switch (q.type) {
    case 'single':
      return (
        <View>
          {q.options.map((o) => (
            <Choice
              key={o.id}
              on={value === o.id}
              label={o.label}
              onClick={() => onChange(value === o.id ? undefined : o.id)}
            />
          ))}
        </View>
      );
    case 'multiple': {
      const picked = asList(value);
      const max = q.maxSelect ?? q.options.length;
      return (
        <View>
          <Text className="block muted">
            {q.minSelect > 0 ? `至少选 ${q.minSelect} 项，` : ''}最多选 {max} 项（已选 {picked.length} 项）
          </Text>
          {q.options.map((o) => {
            const on = picked.includes(o.id);
            return (
              <Choice
                key={o.id}
                on={on}
                label={o.label}
                onClick={() => {
                  if (on) onChange(picked.filter((x) => x !== o.id));
                  else if (picked.length < max) onChange([...picked, o.id]);
                }}
              />
            );
          })}
        </View>
      );
    }
    case 'text': {
      const text = typeof value === 'string' ? value : '';
      return (
        <View>
          <Textarea
            className="textarea"
            value={text}
            maxlength={q.maxLength}
            placeholder="请在这里输入您的意见"
            onInput={(e) => onChange(e.detail.value)}
          />
          <Text className="block muted">
            {text.length} / {q.maxLength} 字
          </Text>
        </View>
      );
    }
    case 'scale': {
      const points = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
      return (
        <View>
          {(q.minLabel || q.maxLabel) && (
            <Text className="block muted">
              {q.min} 分 = {q.minLabel || '最低'}，{q.max} 分 = {q.maxLabel || '最高'}
            </Text>
          )}
          {points.map((p) => (
            <Choice
              key={p}
              on={value === p}
              label={`${p} 分`}
              onClick={() => onChange(value === p ? undefined : p)}
            />
          ))}
        </View>
      );
    }
    case 'ranking': {
      const order = asList(value);
      const pick = q.pick ?? q.items.length;
      return (
        <View>
          <Text className="block muted">
            按重要程度依次点击，最多排 {pick} 项；再点一次可取消（已排 {order.length} 项）
          </Text>
          {q.items.map((o) => {
            const rank = order.indexOf(o.id);
            return (
              <Choice
                key={o.id}
                on={rank >= 0}
                mark={rank >= 0 ? `${rank + 1}` : '○'}
                label={rank >= 0 ? `第 ${rank + 1} 位：${o.label}` : o.label}
                onClick={() => {
                  if (rank >= 0) onChange(order.filter((x) => x !== o.id));
                  else if (order.length < pick) onChange([...order, o.id]);
                }}
              />
            );
          })}
        </View>
      );
    }
    case 'photo':
      return <PhotoPicker value={asList(value)} max={q.maxPhotos} onChange={(urls) => onChange(urls)} />;
  }
}
