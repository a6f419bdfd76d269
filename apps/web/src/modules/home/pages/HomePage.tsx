import { Avatar, Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/auth-context';
import { MODULES } from '../../../app/modules';
import { canSee, resolveKey } from '../../../app/module-types';
import { RoleTag } from '../../../shared/components/tags';
import { useAccess } from '../../../shared/hooks/useAccess';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { avatarText } from '../../../shared/avatar-text';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.greeting.morning' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
}

/** Welcome, who I am here, and where I can go — no figures until modules supply real ones. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const access = useAccess();
  const isMobile = useIsMobile();
  const visible = MODULES.map((module) => ({
    module,
    pages: module.pages.filter((page) => page.shortcut && page.path !== '/' && canSee(page, access)),
  })).filter((entry) => entry.pages.length > 0);
  // Grouped modules each get a heading; the rest (audit, my account…) share one at the end.
  const sections = [
    ...visible.filter((entry) => entry.module.group).map((entry) => ({ key: entry.module.id, title: t(entry.module.group!.labelKey), pages: entry.pages })),
    { key: 'other', title: t('home.other'), pages: visible.filter((entry) => !entry.module.group).flatMap((entry) => entry.pages) },
  ].filter((section) => section.pages.length > 0);

  return (
    <Flex vertical gap={16}>
      <Card className="page-card">
        <Flex gap={16} align="center" wrap>
          <Avatar size={56} style={{ background: '#1677ff', fontSize: 20 }}>
            {avatarText(user.name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
              {t(greetingKey(new Date().getHours()), { name: user.name })}
            </Typography.Title>
            <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
              <RoleTag role={user.role} />
              <Typography.Text type="secondary">
                {[user.departmentName ?? t('home.noDepartment'), user.positionTitle].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          </div>
        </Flex>
      </Card>
      <Card className="page-card" title={t('home.whatYouCanDo')}>
        <Flex vertical gap={20}>
          {sections.map((section) => (
            <section key={section.key} data-testid={`home-section-${section.key}`}>
              <Typography.Text type="secondary" className="home-section-title">
                {section.title}
              </Typography.Text>
              {isMobile ? (
                // On a phone, a DingTalk-style grid of app icons, four to a row.
                <Row gutter={[4, 12]}>
                  {section.pages.map((page) => (
                    <Col key={page.path} span={6}>
                      <Link to={page.path} className="app-tile">
                        <span className="shortcut-icon">{page.icon}</span>
                        <span className="app-tile-label">{t(resolveKey(page.title, access))}</span>
                      </Link>
                    </Col>
                  ))}
                </Row>
              ) : (
                <Row gutter={[12, 12]}>
                  {section.pages.map((page) => (
                    <Col key={page.path} sm={12} lg={8} xxl={6}>
                      <Link to={page.path} className="shortcut-link">
                        <Card size="small" hoverable style={{ height: '100%' }}>
                          <Card.Meta
                            avatar={<span className="shortcut-icon">{page.icon}</span>}
                            title={t(resolveKey(page.title, access))}
                            description={page.shortcut ? t(resolveKey(page.shortcut, access)) : null}
                          />
                        </Card>
                      </Link>
                    </Col>
                  ))}
                </Row>
              )}
            </section>
          ))}
        </Flex>
      </Card>
      <Card className="page-card" title={t('home.aboutTitle')}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('home.aboutBody')}</Typography.Paragraph>
      </Card>
    </Flex>
  );
}
