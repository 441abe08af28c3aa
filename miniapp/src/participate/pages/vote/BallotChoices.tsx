import type { VoteOptionView } from '@jiugai/shared';
import { ChoiceList } from '../../../components/ChoiceList';
import { formatFen } from '../../../services/format';

/** The options as large cards: label, plain description, and the fee standard when there is one. */
export function BallotChoices({
  options,
  value,
  onChange,
}: {
  options: VoteOptionView[];
  value: string;
  onChange: (id: string) => void;
}) {
  const choices = options.map((o) => ({
    value: o.id,
    label: o.label,
    hint: [
      ...(o.description ? [o.description] : []),
      ...(typeof o.feeFenPerSqmMonth === 'number'
        ? [`收费标准：每月每平方米 ${formatFen(o.feeFenPerSqmMonth)}`]
        : []),
    ],
  }));
  return <ChoiceList options={choices} value={value} onChange={onChange} />;
}
