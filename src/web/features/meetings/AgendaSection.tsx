import { useMutation } from '@apollo/client/react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Spoiler, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RemoveAgendaItemDocument, ReorderAgendaDocument } from '../../gql/graphql';
import { type ServerError, serverErrors } from '../../app/errors';
import { AgendaItemModal } from './AgendaItemModal';
import { notifyDone, pickText, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';

type Item = MeetingData['agenda'][number];

/**
 * The agenda: items in order, moved by the "up" and "down" buttons (focus stays on the moved
 * item) or by dragging the handle (with the mouse, a finger, or Space and the arrow keys);
 * each new order is saved at once with reorderAgenda.
 */
export function AgendaSection({ meeting, editable }: { meeting: MeetingData; editable: boolean }) {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const locale = i18n.resolvedLanguage ?? 'ky';
  const serverOrder = useMemo(() => meeting.agenda.map((item) => item.id), [meeting.agenda]);
  const [order, setOrder] = useState<string[]>(serverOrder);
  useEffect(() => setOrder(serverOrder), [serverOrder]);
  const byId = useMemo(() => new Map(meeting.agenda.map((item) => [item.id, item])), [meeting.agenda]);
  const items = order.map((id) => byId.get(id)).filter((item): item is Item => !!item);
  const [reorder] = useMutation(ReorderAgendaDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [removing, setRemoving] = useState<Item | null>(null);
  /** After a move by button: the item whose button gets the focus back. */
  const focusAfterMove = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  const titleOf = (item: Item) => pickText(item.titles, locale)?.text ?? item.title ?? '';

  const save = async (next: string[], moved: Item) => {
    const previous = order;
    setOrder(next);
    setErrors([]);
    const position = next.indexOf(moved.id) + 1;
    try {
      await reorder({ variables: { meetingId: meeting.id, itemIds: next } });
      setAnnouncement(t('meetings:agenda.moved', { title: titleOf(moved), position, total: next.length }));
    } catch (error) {
      setOrder(previous);
      setErrors(serverErrors(error));
    }
  };

  const move = (item: Item, direction: 'up' | 'down') => {
    const index = order.indexOf(item.id);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    // At the top "up" is disabled (and at the bottom "down"): the focus goes to the other one.
    const lands = target === 0 ? 'down' : target === order.length - 1 ? 'up' : direction;
    focusAfterMove.current = { id: item.id, direction: lands };
    void save(arrayMove(order, index, target), item);
  };

  useLayoutEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted) return;
    focusAfterMove.current = null;
    buttons.current.get(`${wanted.id}:${wanted.direction}`)?.focus();
  }, [order]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const moved = byId.get(String(active.id));
    if (!moved) return;
    void save(arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id))), moved);
  };
  const nameOf = (id: string | number) => {
    const item = byId.get(String(id));
    return item ? titleOf(item) : '';
  };
  const positionOf = (id: string | number | undefined) => (id == null ? 0 : order.indexOf(String(id)) + 1);

  return (
    <Stack component="section" aria-labelledby="agenda-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="agenda-heading">
          {t('meetings:agenda.title')}
        </Title>
        {editable && <Button onClick={() => setEditing('new')}>{t('meetings:agenda.add')}</Button>}
      </Group>
      {editable && items.length > 1 && (
        <Text size="sm" c="dimmed">
          {t('meetings:agenda.howToMove')}
        </Text>
      )}
      <ReasonAlert errors={errors} describe={describe} />
      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>
      {items.length === 0 ? (
        <Text c="dimmed">{t('meetings:agenda.none')}</Text>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions: { draggable: t('meetings:agenda.dragInstructions') },
            announcements: {
              onDragStart: ({ active }) => t('meetings:agenda.dragStart', { title: nameOf(active.id), position: positionOf(active.id), total: order.length }),
              onDragOver: ({ active, over }) =>
                over ? t('meetings:agenda.dragOver', { title: nameOf(active.id), position: positionOf(over.id), total: order.length }) : undefined,
              onDragEnd: ({ active, over }) => (over ? t('meetings:agenda.dragEnd', { title: nameOf(active.id), position: positionOf(over.id), total: order.length }) : undefined),
              onDragCancel: ({ active }) => t('meetings:agenda.dragCancel', { title: nameOf(active.id) }),
            },
          }}
        >
          <SortableContext items={order} strategy={verticalListSortingStrategy} disabled={!editable}>
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('meetings:agenda.title')}>
              {items.map((item, index) => (
                <AgendaRow
                  key={item.id}
                  item={item}
                  position={index + 1}
                  total={items.length}
                  title={titleOf(item)}
                  editable={editable}
                  onMove={(direction) => move(item, direction)}
                  onEdit={() => setEditing(item)}
                  onRemove={() => setRemoving(item)}
                  buttonRef={(direction, element) => buttons.current.set(`${item.id}:${direction}`, element)}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      {editable && <AgendaItemModal meetingId={meeting.id} item={editing === 'new' ? null : editing} opened={editing != null} onClose={() => setEditing(null)} />}
      <RemoveModal item={removing} title={removing ? titleOf(removing) : ''} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function AgendaRow({
  item,
  position,
  total,
  title,
  editable,
  onMove,
  onEdit,
  onRemove,
  buttonRef,
}: {
  item: Item;
  position: number;
  total: number;
  title: string;
  editable: boolean;
  onMove(direction: 'up' | 'down'): void;
  onEdit(): void;
  onRemove(): void;
  buttonRef(direction: 'up' | 'down', element: HTMLButtonElement | null): void;
}) {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !editable,
    attributes: { roleDescription: t('meetings:agenda.sortable') },
  });
  const picked = pickText(item.titles, i18n.resolvedLanguage ?? 'ky');
  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="sm"
      radius="md"
      shadow={isDragging ? 'md' : undefined}
      style={{ transform: CSS.Translate.toString(transform), transition, position: 'relative', zIndex: isDragging ? 2 : undefined }}
      data-agenda-item={item.id}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {editable && (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="lg"
            style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
            aria-label={t('meetings:agenda.drag', { title })}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
        )}
        <Text fw={700} miw={24}>
          {position}.
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={500} lang={picked?.lang}>
            {title}
          </Text>
          {item.presenter && <Text size="sm">{t('meetings:agenda.presenter', { organisation: item.presenter.name ?? item.presenter.acronym ?? '' })}</Text>}
          {(item.themes.length > 0 || item.units.length > 0) && (
            <Group gap={4}>
              {item.themes.map((theme) => (
                <Badge key={theme.code} variant="outline" size="sm">
                  {theme.name}
                </Badge>
              ))}
              {item.units.map((unit) => (
                <Badge key={unit.code} variant="outline" color="gray.8" size="sm">
                  {unit.name}
                </Badge>
              ))}
            </Group>
          )}
          {item.projects.length > 0 && (
            <Text size="sm">
              {t('meetings:agenda.projects')}{' '}
              {item.projects.map((project, index) => (
                <span key={project.id}>
                  {index > 0 && ', '}
                  <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
                    {project.title ?? project.id}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
          {item.minutes && (
            <Spoiler maxHeight={48} showLabel={t('meetings:agenda.showMinutes')} hideLabel={t('meetings:agenda.hideMinutes')}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                <Text span fw={500} size="sm">
                  {t('meetings:agenda.minutes')}:
                </Text>{' '}
                {item.minutes}
              </Text>
            </Spoiler>
          )}
          {editable && (
            <Group gap="xs" mt={4} wrap="wrap">
              <ActionIcon
                variant="default"
                ref={(element) => buttonRef('up', element)}
                disabled={position === 1}
                onClick={() => onMove('up')}
                aria-label={t('meetings:agenda.moveUp', { title })}
              >
                <span aria-hidden="true">↑</span>
              </ActionIcon>
              <ActionIcon
                variant="default"
                ref={(element) => buttonRef('down', element)}
                disabled={position === total}
                onClick={() => onMove('down')}
                aria-label={t('meetings:agenda.moveDown', { title })}
              >
                <span aria-hidden="true">↓</span>
              </ActionIcon>
              <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={t('meetings:agenda.editOne', { title })}>
                {t('common:edit')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} aria-label={t('meetings:agenda.removeOne', { title })}>
                {t('meetings:agenda.remove')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

function RemoveModal({ item, title, onClose }: { item: Item | null; title: string; onClose(): void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const [remove, { loading }] = useMutation(RemoveAgendaItemDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }} opened={item != null} onClose={onClose} title={t('meetings:agenda.removeTitle')}>
      <Stack>
        <ReasonAlert errors={errors} describe={describe} />
        <Text>{t('meetings:agenda.removeExplain', { title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('meetings:keep')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={async () => {
              if (!item) return;
              setErrors([]);
              try {
                await remove({ variables: { id: item.id } });
                notifyDone(t('meetings:agenda.removed', { title }), t('meetings:closeDialog'));
                onClose();
              } catch (error) {
                setErrors(serverErrors(error));
              }
            }}
          >
            {t('meetings:agenda.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
