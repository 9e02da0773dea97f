import type { Field, FieldGroup } from '../fact-form';

/** The fields of a form made from the catalog, each with its label, its hint and the error the API gave for it. */

const idOf = (name: string) => `f-${name.replaceAll('.', '-')}`;

function Input({ field, value, described, invalid }: { field: Field; value: string; described?: string; invalid: boolean }) {
  const common = {
    id: idOf(field.name), name: field.name, required: field.required, 'aria-describedby': described, 'aria-invalid': invalid ? 'true' : undefined,
    'data-pattern': field.pattern,
  };
  switch (field.kind) {
    case 'choice':
      return (
        <select {...common}>
          <option value="" selected={value === ''}>{field.required ? 'Choose one' : '(none)'}</option>
          {field.choices!.map((choice) => <option value={choice} selected={choice === value}>{choice}</option>)}
        </select>
      );
    case 'long-text':
    case 'lines':
    case 'json':
      return <textarea {...common} rows={field.kind === 'long-text' ? 5 : 3}>{value}</textarea>;
    case 'number':
      return <input {...common} type="text" inputmode="decimal" value={value} />;
    case 'url':
      return <input {...common} type="url" value={value} />;
    default:
      return <input {...common} type="text" value={value} />;
  }
}

export function FieldInput({ field, value, error }: { field: Field; value: string; error?: string }) {
  const id = idOf(field.name);
  const described = [field.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <p class="field" data-field={field.name}>
      <label for={id}>{field.label}{field.required ? ' (required)' : ''}</label>
      <Input field={field} value={value} described={described} invalid={Boolean(error)} />
      {field.hint && <span id={`${id}-hint`} class="hint">{field.hint}</span>}
      {error && <span id={`${id}-error`} class="error">{error}</span>}
    </p>
  );
}

export function FieldGroups({ groups, values, errors }: { groups: FieldGroup[]; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <>
      {groups.map((group) => (
        <fieldset>
          <legend>{group.legend}</legend>
          {group.fields.map((field) => <FieldInput field={field} value={values[field.name] ?? ''} error={errors[field.name]} />)}
        </fieldset>
      ))}
    </>
  );
}

/** What is wrong, above the form: the number of fields, each linked, and what names no field. */
export function ErrorSummary({ errors, general, groups }: { errors: Record<string, string>; general: string[]; groups: FieldGroup[] }) {
  const fields = groups.flatMap((group) => group.fields).filter((field) => errors[field.name]);
  if (fields.length === 0 && general.length === 0) return null;
  return (
    <div class="alert" role="alert" tabindex={-1} id="errors">
      <h2>{fields.length + general.length === 1 ? 'One thing to fix' : `${fields.length + general.length} things to fix`}; nothing was recorded</h2>
      <ul>
        {fields.map((field) => <li><a href={`#${idOf(field.name)}`}>{field.label}</a>: {errors[field.name]}</li>)}
        {general.map((detail) => <li>{detail}</li>)}
      </ul>
    </div>
  );
}
