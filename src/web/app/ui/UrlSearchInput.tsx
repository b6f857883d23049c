import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useUrlState } from '../url-state';

interface UrlSearchInputProps {
  label: string;
  placeholder?: string;
  /** The URL parameter that keeps the text (default `q`). */
  param?: string;
  w?: number;
}

/**
 * A search box of a list whose text lives in the URL: the field follows each keystroke, the URL
 * (and so the query and page 1) a moment after the typing stops.
 */
export function UrlSearchInput({ label, placeholder, param = 'q', w = 240 }: UrlSearchInputProps) {
  const url = useUrlState<string>();
  const [text, setText] = useState(url.get(param));
  const setInUrl = useDebouncedCallback((value: string) => url.set({ [param]: value.trim() || null }), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        setInUrl(event.currentTarget.value);
      }}
      w={w}
    />
  );
}
