// `@tarojs/components` as plain DOM elements for unit tests (vitest alias). Events carry `detail` like Taro's.
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string };

const pick = (props: Props, drop: string[]) =>
  Object.fromEntries(Object.entries(props).filter(([k]) => !drop.includes(k) && !k.startsWith('hover')));

const el = (tag: string) =>
  function TaroElement(props: Props) {
    const { onClick, ...rest } = props;
    return createElement(tag, {
      ...pick(rest, ['scrollY', 'scrollX', 'mode', 'lazyLoad', 'showMenuByLongpress']),
      onClick,
    });
  };

export const View = el('div');
export const Text = el('span');
export const ScrollView = el('div');
export const Label = el('label');
export const Form = el('form');
export const Swiper = el('div');
export const SwiperItem = el('div');

export function Image(props: Props) {
  return createElement('img', {
    src: props.src,
    alt: props.ariaLabel ?? '',
    className: props.className,
    onClick: props.onClick,
  });
}

export function Button(props: Props) {
  const { onClick, disabled, className, children, ariaLabel } = props;
  return createElement(
    'button',
    { type: 'button', onClick, disabled, className, 'aria-label': ariaLabel },
    children,
  );
}

function inputLike(tag: 'input' | 'textarea') {
  return function TaroInput(props: Props) {
    const { value, placeholder, maxlength, onInput, className, type, id, disabled } = props;
    return createElement(tag, {
      id,
      value: value ?? '',
      placeholder,
      maxLength: maxlength,
      className,
      disabled,
      type: tag === 'input' ? (type === 'number' || type === 'digit' ? 'text' : 'text') : undefined,
      'aria-label': props.ariaLabel ?? placeholder,
      onChange: (e: { target: { value: string } }) =>
        (onInput as ((e: { detail: { value: string } }) => void) | undefined)?.({
          detail: { value: e.target.value },
        }),
    });
  };
}
export const Input = inputLike('input');
export const Textarea = inputLike('textarea');

export function Switch(props: Props) {
  const { checked, onChange, ariaLabel } = props;
  return createElement('input', {
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(checked),
    'aria-label': ariaLabel,
    onChange: (e: { target: { checked: boolean } }) =>
      (onChange as ((e: { detail: { value: boolean } }) => void) | undefined)?.({
        detail: { value: e.target.checked },
      }),
  });
}
